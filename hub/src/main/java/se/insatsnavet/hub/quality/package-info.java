/**
 * Quality and coverage of the catalogue: a score per service with its reasons (completeness of the
 * recommended fields, freshness, well-formed contact details, plain language) summed up per federation, and
 * the coverage of every municipality and county by target group and method, with the gaps; and the
 * plain-language quality of the guidance articles ({@link se.insatsnavet.hub.quality.ArticleQuality}: long sentences
 * in the standard and the lättläst text, rare words, a missing lättläst version, links to unpublished services).
 *
 * <p>{@link se.insatsnavet.hub.quality.QualityModule} is the package's {@link se.insatsnavet.hub.HubModule}: the one
 * place its parts are started, wired to the rest of the hub and given their routes (listed in
 * {@link se.insatsnavet.hub.HubModules}).
 */
package se.insatsnavet.hub.quality;
