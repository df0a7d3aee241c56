/**
 * Full-text search of services in Swedish: a Lucene index of the published services (Swedish light stemming,
 * compound splitting for the field's words, query-time synonyms, typo tolerance, title and active services
 * ranked first, facet counts, highlighted snippets), kept in step with imports and rebuilt from the Jena
 * dataset when missing or out of step. {@link se.insatsnavet.hub.search.ServiceIndex} is a small facade over one
 * class per job: analysis ({@code SwedishAnalysis}), document building ({@code ServiceDocuments}), writing,
 * commits, merges and recovery ({@code ServiceIndexWriter}), query building ({@code ServiceQueries}), ranking
 * ({@code Ranking}), facets ({@code FacetCounts}), snippets ({@code Snippets} and the highlighter's parts), the
 * items' JSON ({@code IndexedItems}), deep pages ({@code DeepPages}) and one search's steps ({@code PageSearch}).
 * The guidance articles have a small index of their own with the same Swedish
 * analysis ({@link se.insatsnavet.hub.search.ArticleIndex}), so the services' answers and speed stay as they were;
 * {@code GET /api/search} ({@link se.insatsnavet.hub.search.MixedSearch}) answers from both, a kind per hit.
 *
 * <p>{@link se.insatsnavet.hub.search.SearchModule} is the package's {@link se.insatsnavet.hub.HubModule}: the one
 * place its parts are started, wired to the rest of the hub and given their routes (listed in
 * {@link se.insatsnavet.hub.HubModules}).
 */
package se.insatsnavet.hub.search;
