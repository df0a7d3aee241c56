/**
 * Guidance articles (issue 20) as published: a service in plain language (Vägval), a life story, a question with
 * its answer and a situation guide ("Så fungerar välfärdssystemet"). {@link se.insatsnavet.hub.guidance.Article} is
 * one article as read back from the store, {@link se.insatsnavet.hub.guidance.ArticleCatalog} finds them by id, by
 * federation, by the service or situation they are about and by kind. They are imported by the imports package
 * (sources with {@code "records": "articles"}); their RDF is {@link se.insatsnavet.schema.rdf.ArticleRdf}'s.
 *
 * <p>{@link se.insatsnavet.hub.guidance.GuidanceModule} is the package's {@link se.insatsnavet.hub.HubModule}: the one
 * place its parts are started, wired to the rest of the hub and given their routes (listed in
 * {@link se.insatsnavet.hub.HubModules}).
 */
package se.insatsnavet.hub.guidance;
