package se.insatsnavet.hub.http;

import io.vertx.ext.web.Router;
import se.insatsnavet.hub.HubContext;
import se.insatsnavet.hub.HubModule;
import se.insatsnavet.schema.json.JsonSchemas;

import java.util.Map;

/** The API's own description: {@code /openapi.json}, the JSON Schemas under {@code /schema/}, and {@code /docs}. */
public final class ApiDocsModule implements HubModule {

    @Override
    public String name() {
        return "api docs";
    }

    @Override
    public void routes(Router router, HubContext hub) {
        router.get("/openapi.json").handler(OpenApiHandler.create(hub.vertx()));
        router.get("/schema/:name").handler(ClasspathFilesHandler.create(Map.of(
                "service.schema.json", JsonSchemas.SERVICE_RESOURCE,
                "federation.schema.json", JsonSchemas.FEDERATION_RESOURCE,
                "indicator.schema.json", JsonSchemas.INDICATOR_RESOURCE,
                "article.schema.json", JsonSchemas.ARTICLE_RESOURCE),
                "application/schema+json"));
        router.get("/docs").handler(ApiDocsHandler.create());
    }
}
