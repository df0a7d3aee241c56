package se.insatsnavet.hub.sparql;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import se.insatsnavet.hub.Hub;
import se.insatsnavet.hub.HubContext;
import se.insatsnavet.hub.HubModule;
import se.insatsnavet.hub.http.RateLimit;

/** The read-only SPARQL endpoint, {@code /sparql}: bounded time, rows and query size, under its own rate limit. */
public final class SparqlModule implements HubModule {

    @Override
    public String name() {
        return "sparql";
    }

    @Override
    public void routes(Router router, HubContext hub) {
        SparqlEndpoint sparql = new SparqlEndpoint(hub.store(), Hub.SPARQL_TIMEOUT_MILLIS, Hub.SPARQL_RESULT_CAP);
        RateLimit sparqlLimit = RateLimit.perMinute("SPARQL", Long.getLong("insatsnavet.limits.sparqlPerMinute", 120));
        router.get("/sparql").handler(sparqlLimit).handler(SparqlHandler.create(hub.vertx(), sparql));
        router.post("/sparql").handler(BodyHandler.create(false).setBodyLimit(Hub.SPARQL_MAX_QUERY_BYTES)).handler(sparqlLimit)
                .handler(SparqlHandler.create(hub.vertx(), sparql));
    }
}
