/**
 * The public Swedish web pages: search (services, and the guidance articles matching the words beside them) and
 * the guided finder, the editors' quality page, the coverage map
 * (drawn server-side from the bundled sweden-map.svg), and the guidance: the start page /vagledning
 * ({@link se.insatsnavet.hub.web.GuidanceStartPage}), a page per article and its lättläst version
 * ({@link se.insatsnavet.hub.web.ArticlePage}, served by {@link se.insatsnavet.hub.web.ArticlePageHandler}), the guidance
 * sections of a service's page ({@link se.insatsnavet.hub.web.ServiceGuidanceSections}) and the situation guide at the
 * start of Hittaguiden's answer ({@link se.insatsnavet.hub.web.FinderGuideSection}); without JavaScript, no cookies,
 * no tracking, escaped output.
 *
 * <p>{@link se.insatsnavet.hub.web.PagesModule} is the package's {@link se.insatsnavet.hub.HubModule}: the one place
 * its parts are started, wired to the rest of the hub and given their routes (listed in
 * {@link se.insatsnavet.hub.HubModules}).
 */
package se.insatsnavet.hub.web;
