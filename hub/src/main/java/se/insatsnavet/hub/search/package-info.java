/**
 * Full-text search of services in Swedish: a Lucene index of the published services (Swedish light stemming,
 * compound splitting for the field's words, query-time synonyms, typo tolerance, title and active services
 * ranked first, facet counts, highlighted snippets), kept in step with imports and rebuilt from the Jena
 * dataset when missing or out of step.
 */
package se.insatsnavet.hub.search;
