package se.insatsnavet.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** What {@link HsdsConformanceTest} reads with: the OpenAPI document's references, HSDS objects, HTTP. */
final class HsdsWalkSupport {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private HsdsWalkSupport() {
    }

    static boolean hasAttribute(JsonNode service, String field, String value) {
        for (JsonNode a : service.path("attributes")) {
            if (a.path(field).asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    static boolean hasTermOf(JsonNode service, String taxonomy) {
        for (JsonNode a : service.path("attributes")) {
            if (a.path("taxonomy_term").path("taxonomy_id").asText().equals(taxonomy)) {
                return true;
            }
        }
        return false;
    }

    /** The longest word (letters only) of an item's name, or of a service_at_location's description. */
    static String longestWord(JsonNode item, String kind) {
        String text = kind.equals("service_at_locations") ? item.path("description").asText().split(" – ")[0] : item.path("name").asText();
        String best = "";
        for (String w : text.split("[^\\p{L}]+")) {
            best = w.length() > best.length() ? w : best;
        }
        return best.toLowerCase(Locale.ROOT);
    }

    /** The node with {@code #/components/...} references replaced by what they name. */
    static JsonNode inline(JsonNode spec, JsonNode node) {
        if (node.isObject()) {
            if (node.path("$ref").asText().startsWith("#/")) {
                return inline(spec, spec.at(node.path("$ref").asText().substring(1)));
            }
            ObjectNode out = TestHttp.JSON.createObjectNode();
            node.fields().forEachRemaining(f -> out.set(f.getKey(), inline(spec, f.getValue())));
            return out;
        }
        if (node.isArray()) {
            var out = TestHttp.JSON.createArrayNode();
            node.forEach(n -> out.add(inline(spec, n)));
            return out;
        }
        return node;
    }

    static JsonNode resolve(JsonNode spec, JsonNode parameter) {
        return parameter.has("$ref") ? spec.at(parameter.path("$ref").asText().substring(1)) : parameter;
    }

    static Set<String> fieldNames(JsonNode item) {
        Set<String> names = new TreeSet<>();
        item.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.timeout(TestHttp.REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> r) {
        return json(r.body());
    }

    static JsonNode json(String body) {
        try {
            return TestHttp.JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
