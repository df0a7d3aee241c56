package se.insatsnavet.hub.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import se.insatsnavet.schema.Vocabulary;
import se.insatsnavet.schema.vocab.HubIris;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The OpenAPI document the hub serves ({@code /openapi.json}) and renders ({@code /docs}): the bundled
 * {@link #RESOURCE}, completed when it is loaded so that it passes Redocly's recommended rules and cannot drift
 * from the code lists:
 * <ul>
 *   <li>an operation that declares no {@code security} is public and says so ({@code security: []});</li>
 *   <li>a root-relative {@code $ref} ({@code /schema/service.schema.json}) is written relative to the
 *       document, which the hub serves at the root: the same URL, and one a copy of the document resolves
 *       beside copies of its schemas;</li>
 *   <li>a path with a trailing slash ({@code /dumps/}) is published without it (the router answers both);</li>
 *   <li>every coded query parameter ({@link #CODED}) lists the codes of its scheme as {@code enum}, read from
 *       the SKOS schemes when the hub starts, and has a description.</li>
 * </ul>
 */
public final class OpenApiDocument {

    public static final String RESOURCE = "/openapi/openapi.json";

    /** The coded query parameters: operation → parameter → the scheme whose codes it takes (one code a value). */
    public static final Map<String, Map<String, String>> CODED = Map.of(
            "GET /api/services", Map.of("targetGroup", Vocabulary.TARGET_GROUP, "method", Vocabulary.METHOD,
                    "providerType", Vocabulary.PROVIDER_TYPE, "status", Vocabulary.STATUS),
            "GET /api/coverage", Map.of("targetGroup", Vocabulary.TARGET_GROUP, "method", Vocabulary.METHOD),
            "GET /api/coverage/outcomes", Map.of("county", Vocabulary.COUNTY),
            "GET /", Map.of("kommun", Vocabulary.MUNICIPALITY, "malgrupp", Vocabulary.TARGET_GROUP),
            "GET /tackning", Map.of("malgrupp", Vocabulary.TARGET_GROUP, "metod", Vocabulary.METHOD, "lan", Vocabulary.COUNTY),
            "GET /hittaguiden", Map.of("kommun", Vocabulary.MUNICIPALITY));

    private static final Map<String, String> SCHEME_DESCRIPTIONS = Map.of(
            Vocabulary.TARGET_GROUP, "A target-group code (the concepts of /id/concept/target-group)",
            Vocabulary.METHOD, "A method code (the concepts of /id/concept/method)",
            Vocabulary.PROVIDER_TYPE, "A provider-type code (the concepts of /id/concept/provider-type)",
            Vocabulary.STATUS, "A status code (the concepts of /id/concept/status)",
            Vocabulary.MUNICIPALITY, "A municipality's SCB code, four digits (the places of /id/place/municipality)",
            Vocabulary.COUNTY, "A county's SCB code, two digits (the places of /id/place/county)");

    private OpenApiDocument() {
    }

    /**
     * The bundled document completed with the codes of the bundled SKOS schemes (codes do not depend on the
     * hub's base IRI); loaded once. Callers must not change it.
     */
    public static ObjectNode bundled() {
        return Bundled.DOCUMENT;
    }

    private static final class Bundled {
        static final ObjectNode DOCUMENT = load(Vocabulary.load(HubIris.defaults())::codes);
    }

    /** The bundled document, completed; {@code codes} gives a scheme's codes (e.g. {@link Vocabulary#codes}). */
    public static ObjectNode load(Function<String, Set<String>> codes) {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + RESOURCE);
            }
            return complete((ObjectNode) Responses.JSON.readTree(in), codes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode complete(ObjectNode doc, Function<String, Set<String>> codes) {
        ObjectNode paths = (ObjectNode) doc.path("paths");
        for (String path : new ArrayList<>(iterable(paths.fieldNames()))) {
            ObjectNode operations = (ObjectNode) paths.get(path);
            operations.fields().forEachRemaining(op -> {
                if (op.getValue() instanceof ObjectNode operation) {
                    if (!operation.has("security")) {
                        operation.putArray("security");
                    }
                    Map<String, String> coded = CODED.getOrDefault(op.getKey().toUpperCase(Locale.ROOT) + " " + path, Map.of());
                    operation.path("parameters").forEach(p -> {
                        String scheme = coded.get(p.path("name").asText());
                        if (scheme != null && p.path("in").asText().equals("query") && p instanceof ObjectNode parameter) {
                            code(parameter, scheme, codes.apply(scheme));
                        }
                    });
                }
            });
            if (path.length() > 1 && path.endsWith("/") && !paths.has(path.substring(0, path.length() - 1))) {
                paths.set(path.substring(0, path.length() - 1), paths.remove(path));
            }
        }
        relativeRefs(doc);
        return doc;
    }

    private static void code(ObjectNode parameter, String scheme, Set<String> codes) {
        ObjectNode schema = object(parameter, "schema");
        ObjectNode target = schema.path("type").asText().equals("array") ? object(schema, "items") : schema;
        ArrayNode values = target.putArray("enum");
        codes.forEach(values::add);
        if (parameter.path("description").asText().isBlank()) {
            parameter.put("description", SCHEME_DESCRIPTIONS.get(scheme));
        }
    }

    private static ObjectNode object(ObjectNode parent, String field) {
        return parent.get(field) instanceof ObjectNode o ? o : parent.putObject(field);
    }

    /** Every {@code $ref} to a path on the hub ({@code /…}) made relative to the document ({@code …}). */
    private static void relativeRefs(JsonNode node) {
        if (node instanceof ObjectNode o) {
            JsonNode ref = o.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith("/") && !ref.asText().startsWith("//")) {
                o.put("$ref", ref.asText().substring(1));
            }
        }
        if (node.isContainerNode()) {
            node.forEach(OpenApiDocument::relativeRefs);
        }
    }

    private static <T> List<T> iterable(Iterator<T> it) {
        List<T> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
