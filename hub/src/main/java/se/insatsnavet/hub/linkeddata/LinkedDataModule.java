package se.insatsnavet.hub.linkeddata;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.vocabulary.SKOS;
import se.insatsnavet.hub.HubContext;
import se.insatsnavet.hub.HubModule;
import se.insatsnavet.hub.federations.FederationRegistry;
import se.insatsnavet.hub.http.Responses;
import se.insatsnavet.hub.imports.Change;
import se.insatsnavet.hub.imports.RunReport;
import se.insatsnavet.hub.indicators.IndicatorImport;
import se.insatsnavet.hub.plugins.PluginFeedFormats;
import se.insatsnavet.hub.services.ServiceCatalog;
import se.insatsnavet.hub.services.ServiceFilter;
import se.insatsnavet.hub.store.CatalogStore;
import se.insatsnavet.hub.usage.UsageStatistics;
import se.insatsnavet.schema.Vocabulary;
import se.insatsnavet.schema.vocab.HubIris;
import se.insatsnavet.schema.vocab.M8G;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Linked data: the dereferenceable resources under {@code /id/} (concepts, places, organisations that provide
 * published services, services with their negotiated representations and HTML page) and the JSON-LD context.
 * Publishes the {@link ServiceResourceHandler} (the duplicates' decisions and the pages' sections change it).
 */
public final class LinkedDataModule implements HubModule {

    private ServiceCatalog catalog;
    private PublishedOrganisations publishedOrganisations;
    private ServiceResourceHandler serviceResources;
    /**
     * The organisations providing services: a federation's first changing run after start records all of its
     * providers (a query over its services); after that, only the providers of the descriptions a run wrote can
     * be new, so the run records those (kept by federation from its committed listener to its finished
     * listener: a federation runs one import at a time), after the run is recorded and visible.
     */
    private final Map<String, Set<String>> writtenProviders = new ConcurrentHashMap<>();
    private final Set<String> providersRecorded = ConcurrentHashMap.newKeySet();

    @Override
    public String name() {
        return "linkeddata";
    }

    /** /id/…: every dereferenced IRI. */
    @Override
    public boolean routesFirst() {
        return true;
    }

    @Override
    public void start(HubContext hub) {
        catalog = hub.catalog();
        Vocabulary vocabulary = hub.vocabulary();
        FederationRegistry registry = hub.get(FederationRegistry.class);
        publishedOrganisations = new PublishedOrganisations(hub.database());
        hub.imports().onCommitted(committed -> {
            if (!committed.models().isEmpty()) {
                Set<String> written = writtenProviders.computeIfAbsent(
                        HubIris.federationIdOf(committed.changes().get(0).serviceId()), f -> new HashSet<>());
                committed.models().values().forEach(model -> written.addAll(providersOf(model)));
            }
        });
        ServicePage page = new ServicePage((scheme, code) -> switch (scheme) {
            case Vocabulary.MUNICIPALITY -> vocabulary.municipalityShortName(code).orElse(code);
            case Vocabulary.COUNTY -> vocabulary.countyName(code).orElse(code);
            default -> vocabulary.prefLabel(scheme, code, "sv").orElse(code);
        });
        serviceResources = ServiceResourceHandler.create(hub.vertx(), catalog, hub.runs(), page, registry::name)
                .withExtraFormats(hub.get(PluginFeedFormats.class));
        hub.get(IndicatorImport.class).onRunFinished(run -> {
            if (run.counts().changedCatalogue()) {
                serviceResources.invalidateFederation(run.federationId());
            }
        });
        serviceResources.withViewCounter(hub.get(UsageStatistics.class).counter()::serviceViewed);
        hub.put(ServiceResourceHandler.class, serviceResources);
    }

    @Override
    public void onChanges(List<Change> changes) {
        changes.forEach(c -> serviceResources.invalidate(c.serviceId()));
    }

    /** A service's page shows the articles about it: an article's change may change the pages of its federation's services. */
    @Override
    public void onArticleChanges(List<Change> changes) {
        changes.stream().map(c -> HubIris.federationIdOfArticle(c.id())).distinct().forEach(serviceResources::invalidateFederation);
    }

    @Override
    public void onRunFinished(RunReport run) {
        Set<String> written = Objects.requireNonNullElse(writtenProviders.remove(run.federationId()), Set.of());
        if (run.counts().changedCatalogue()) {
            if (providersRecorded.contains(run.federationId())) {
                publishedOrganisations.record(written);
            } else {
                ServiceFilter ofFederation = new ServiceFilter(List.of(), null, null, run.federationId(), 1, 1);
                publishedOrganisations.record(catalog.organisations(ofFederation).stream()
                        .map(ServiceCatalog.Organisation::iri).toList());
                providersRecorded.add(run.federationId());
            }
        }
    }

    @Override
    public void routes(Router router, HubContext hub) {
        Vertx vertx = hub.vertx();
        CatalogStore store = hub.store();
        HubIris iris = hub.iris();
        router.get("/id/concept/:scheme/:code").handler(ResourceHandler.create(vertx, store,
                ctx -> iris.concept(ctx.pathParam("scheme"), ctx.pathParam("code")), iris.referenceGraph()));
        router.get("/id/concept/:scheme").handler(ResourceHandler.create(vertx, store,
                ctx -> iris.scheme(ctx.pathParam("scheme")), iris.referenceGraph()));
        router.get("/id/place/municipality/:code").handler(ResourceHandler.create(vertx, store,
                ctx -> iris.municipality(ctx.pathParam("code")), iris.referenceGraph()));
        router.get("/id/place/county/:code").handler(ResourceHandler.create(vertx, store,
                ctx -> iris.county(ctx.pathParam("code")), iris.referenceGraph()));
        router.get("/id/organisation/:slug").handler(ResourceHandler.create(vertx, store,
                ctx -> iris.organisation(ctx.pathParam("slug")), null, publishedOrganisations::wasPublished));
        router.get("/id/service/:id").handler(serviceResources);
        String jsonLdContext = RdfWriting.context();
        router.get("/" + RdfWriting.CONTEXT_PATH).handler(ctx -> Responses.send(ctx, 200, "application/ld+json", jsonLdContext));
    }

    /** The organisations a service description names as its provider (competent authority) with a label. */
    private static Set<String> providersOf(Model model) {
        Set<String> providers = new HashSet<>();
        model.listObjectsOfProperty(M8G.hasCompetentAuthority).forEachRemaining(provider -> {
            if (provider.isURIResource() && model.contains(provider.asResource(), SKOS.prefLabel)) {
                providers.add(provider.asResource().getURI());
            }
        });
        return providers;
    }
}
