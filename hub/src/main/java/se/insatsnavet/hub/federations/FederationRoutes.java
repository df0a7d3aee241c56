package se.insatsnavet.hub.federations;

import io.vertx.core.Vertx;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.insatsnavet.connectors.descriptor.FederationDescriptor;
import se.insatsnavet.hub.imports.ImportRoutes;
import se.insatsnavet.hub.imports.ImportService;
import se.insatsnavet.hub.imports.RunReport;

import java.util.List;
import java.util.function.Supplier;

/**
 * What a descriptor taking effect (or going) does while the hub runs: the federation's import routes are added or
 * removed, a new or changed federation's sources are read at once (on a worker, trigger {@code descriptor}), and a
 * removed federation's services are withdrawn through the change log (trigger {@code descriptor-removed}).
 */
public final class FederationRoutes implements FederationActivation.Effects {

    private static final Logger LOG = LoggerFactory.getLogger(FederationRoutes.class);

    private final Vertx vertx;
    private final Supplier<CamelContext> camel;
    private final ImportRoutes routes;
    private final ImportService imports;

    /** @param camel the started import routes' context (blocks until it runs) */
    public FederationRoutes(Vertx vertx, Supplier<CamelContext> camel, ImportRoutes routes, ImportService imports) {
        this.vertx = vertx;
        this.camel = camel;
        this.routes = routes;
        this.imports = imports;
    }

    @Override
    public void stop(FederationDescriptor old) {
        routes.remove(camel.get(), old);
    }

    @Override
    public void start(FederationDescriptor federation) {
        routes.add(camel.get(), federation);
        vertx.executeBlocking(() -> routes.readNow(camel.get(), federation, "descriptor"), false)
                .onFailure(e -> LOG.warn("Reading federation {} after its descriptor took effect failed", federation.id(), e));
    }

    @Override
    public void withdraw(FederationDescriptor old) {
        List<RunReport> runs = imports.withdraw(old, "descriptor-removed");
        LOG.warn("Federation {} removed: {} service(s) withdrawn", old.id(),
                runs.stream().mapToInt(r -> r.counts().deleted()).sum());
    }
}
