package se.insatsnavet.hub.dcat;

import io.vertx.ext.web.Router;
import org.apache.jena.rdf.model.Model;
import se.insatsnavet.hub.HubContext;
import se.insatsnavet.hub.HubModule;
import se.insatsnavet.hub.dumps.Dumps;
import se.insatsnavet.hub.federations.FederationRegistry;
import se.insatsnavet.hub.plugins.PluginFeedFormats;

import java.util.function.Supplier;

/**
 * The DCAT-AP description of the hub's data sets, {@code /catalog} (also at {@code /datasets/dcat}).
 * Publishes the {@link CatalogModel} (the catalogue feed describes its changes).
 */
public final class DcatModule implements HubModule {

    /** The DCAT catalogue as it is now (federations, dumps, feed formats, facts). */
    public interface CatalogModel extends Supplier<Model> {
    }

    private CatalogModel dcatModel;

    @Override
    public String name() {
        return "dcat";
    }

    @Override
    public void start(HubContext hub) {
        FederationRegistry registry = hub.get(FederationRegistry.class);
        Dumps dumps = hub.get(Dumps.class);
        PluginFeedFormats feedFormats = hub.get(PluginFeedFormats.class);
        CatalogDescription dcat = new CatalogDescription(hub.iris(), "Insatsnavet", "kontakt@insatsnavet.se");
        dcatModel = () -> dcat.build(registry.all(), dumps.list(), feedFormats.formats(), CatalogFacts.read(hub.database()));
        hub.put(CatalogModel.class, dcatModel);
    }

    @Override
    public void routes(Router router, HubContext hub) {
        CatalogHandler catalogHandler = CatalogHandler.create(hub.vertx(), dcatModel);
        router.get("/catalog").handler(catalogHandler);
        router.get("/datasets/dcat").handler(catalogHandler);
    }
}
