package se.insatsnavet.hub.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import se.insatsnavet.hub.linkeddata.Html;
import se.insatsnavet.hub.linkeddata.SiteHeader;

import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /docs}: the OpenAPI document rendered as one plain HTML page (no JavaScript): every path with
 * its operations, summaries, parameters and responses, grouped by tag. Rendered once at start-up.
 */
public final class ApiDocsHandler implements Handler<RoutingContext> {

    private final String page;

    private ApiDocsHandler(String page) {
        this.page = page;
    }

    /** The page of the hub's document ({@link OpenApiDocument#bundled}). */
    public static ApiDocsHandler create() {
        return create(OpenApiDocument.bundled());
    }

    /** The page of {@code openApi} (from {@link OpenApiDocument#load}). */
    public static ApiDocsHandler create(JsonNode openApi) {
        return new ApiDocsHandler(render(openApi));
    }

    static String render(JsonNode openApi) {
        StringBuilder b = new StringBuilder();
        String title = openApi.path("info").path("title").asText("API");
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(Html.escape(title)).append(" – HTTP API</title>\n")
                .append("<link rel=\"stylesheet\" href=\"/assets/site.css\">\n</head>\n<body>\n")
                .append(SiteHeader.html("/docs").replace("<header class=\"site\">", "<header class=\"site\" lang=\"sv\">"))
                .append("<main class=\"docs\">\n<h1>")
                .append(Html.escape(title)).append(" – HTTP API</h1>\n<p>")
                .append(Html.escape(openApi.path("info").path("description").asText("")))
                .append("</p>\n<p>Machine-readable: <a href=\"/openapi.json\">/openapi.json</a> (OpenAPI ")
                .append(Html.escape(openApi.path("openapi").asText())).append(").</p>\n<nav aria-label=\"Tags\"><ul>\n");
        for (JsonNode tag : openApi.path("tags")) {
            String name = tag.path("name").asText();
            b.append("<li><a href=\"#tag-").append(Html.escape(anchor(name))).append("\">").append(Html.escape(name))
                    .append("</a></li>\n");
        }
        b.append("</ul></nav>\n");
        for (JsonNode tag : openApi.path("tags")) {
            String name = tag.path("name").asText();
            b.append("<section id=\"tag-").append(Html.escape(anchor(name))).append("\">\n<h2>").append(Html.escape(name))
                    .append("</h2>\n");
            if (tag.hasNonNull("description")) {
                b.append("<p>").append(Html.escape(tag.path("description").asText())).append("</p>\n");
            }
            for (Map.Entry<String, JsonNode> path : openApi.path("paths").properties()) {
                for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                    boolean tagged = false;
                    for (JsonNode t : op.getValue().path("tags")) {
                        tagged |= t.asText().equals(name);
                    }
                    if (tagged) {
                        operation(b, op.getKey(), path.getKey(), op.getValue());
                    }
                }
            }
            b.append("</section>\n");
        }
        return b.append("</main>\n</body>\n</html>\n").toString();
    }

    private static void operation(StringBuilder b, String method, String path, JsonNode op) {
        b.append("<h3 id=\"").append(Html.escape(op.path("operationId").asText())).append("\"><code>")
                .append(Html.escape(method.toUpperCase(Locale.ROOT))).append(' ').append(Html.escape(path))
                .append("</code></h3>\n<p>").append(Html.escape(op.path("summary").asText())).append("</p>\n");
        if (op.hasNonNull("description")) {
            b.append("<p>").append(Html.escape(op.path("description").asText())).append("</p>\n");
        }
        if (op.path("parameters").size() > 0) {
            b.append("<div class=\"tabell\" role=\"region\" tabindex=\"0\" aria-label=\"Parameters\"><table>\n<caption>Parameters</caption>\n<tr><th scope=\"col\">name</th><th scope=\"col\">in</th>")
                    .append("<th scope=\"col\">required</th><th scope=\"col\">description</th></tr>\n");
            for (JsonNode p : op.path("parameters")) {
                b.append("<tr><td><code>").append(Html.escape(p.path("name").asText())).append("</code></td><td>")
                        .append(Html.escape(p.path("in").asText())).append("</td><td>")
                        .append(p.path("required").asBoolean() ? "yes" : "no").append("</td><td>")
                        .append(Html.escape(p.path("description").asText())).append("</td></tr>\n");
            }
            b.append("</table></div>\n");
        }
        b.append("<p>Responses: ");
        boolean first = true;
        for (Map.Entry<String, JsonNode> r : op.path("responses").properties()) {
            b.append(first ? "" : "; ").append("<code>").append(Html.escape(r.getKey())).append("</code> ")
                    .append(Html.escape(r.getValue().path("description").asText()));
            first = false;
        }
        b.append("</p>\n");
    }

    private static String anchor(String tag) {
        return tag.replaceAll("[^A-Za-z0-9]+", "-");
    }

    @Override
    public void handle(RoutingContext ctx) {
        Responses.send(ctx, 200, "text/html; charset=utf-8", page);
    }
}
