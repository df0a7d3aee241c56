package se.insatsnavet.hub.plugins;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import org.osgi.framework.Bundle;
import se.insatsnavet.hub.http.Blocking;
import se.insatsnavet.hub.http.Responses;

import java.util.Map;

/**
 * {@code GET /admin/plugins} (admin token): every bundle of the plugin framework with its state, version,
 * location, the plugins it provides (id, extension points, running or failed) and its last error.
 */
public final class PluginsHandler implements Handler<RoutingContext> {

    private static final Map<Integer, String> STATES = Map.of(Bundle.INSTALLED, "installed", Bundle.RESOLVED, "resolved",
            Bundle.STARTING, "starting", Bundle.STOPPING, "stopping", Bundle.ACTIVE, "active", Bundle.UNINSTALLED, "uninstalled");

    private final Vertx vertx;
    private final PluginHost host;

    private PluginsHandler(Vertx vertx, PluginHost host) {
        this.vertx = vertx;
        this.host = host;
    }

    public static PluginsHandler create(Vertx vertx, PluginHost host) {
        return new PluginsHandler(vertx, host);
    }

    @Override
    public void handle(RoutingContext ctx) {
        Blocking.run(vertx, this::describe).onComplete(ar -> {
            if (ar.failed()) {
                Responses.failed(ctx, ar.cause());
            } else {
                Responses.json(ctx, 200, ar.result());
            }
        });
    }

    ObjectNode describe() {
        ObjectNode body = Responses.object();
        body.put("folder", host.pluginsDir().toString());
        body.put("apiVersion", HostPackages.apiVersion());
        body.put("callTimeoutMillis", host.callTimeout().toMillis());
        ArrayNode bundles = body.putArray("bundles");
        for (Bundle b : host.bundles()) {
            ObjectNode o = bundles.addObject();
            o.put("id", b.getBundleId());
            o.put("symbolicName", b.getSymbolicName());
            o.put("version", b.getVersion().toString());
            o.put("location", b.getLocation());
            o.put("builtIn", b.getLocation().startsWith("insatsnavet:bundled/"));
            String error = host.bundleError(b).orElse(null);
            o.put("state", STATES.getOrDefault(b.getState(), "unknown"));
            ArrayNode plugins = o.putArray("plugins");
            for (PluginHost.Entry e : host.plugins()) {
                if (e.bundle.getBundleId() == b.getBundleId()) {
                    ObjectNode p = plugins.addObject().put("id", e.id()).put("state", e.failed() ? "failed" : "running")
                            .put("since", e.since.toString());
                    e.points().forEach(p.putArray("extensionPoints")::add);
                    if (e.failed()) {
                        p.put("lastError", e.lastError);
                    }
                }
            }
            if (error != null) {
                o.put("lastError", error);
            }
        }
        return body;
    }
}
