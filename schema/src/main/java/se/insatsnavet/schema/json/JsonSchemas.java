package se.insatsnavet.schema.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The hub's JSON Schemas (2020-12), compiled once and thread-safe.
 *
 * <ul>
 *   <li>{@link #service()}: the canonical service description connectors produce;</li>
 *   <li>{@link #federation()}: the federation descriptor;</li>
 *   <li>{@link #indicator()}: one record of a federation's outcome indicators;</li>
 *   <li>{@link #article()}: one guidance article.</li>
 * </ul>
 * The schema documents themselves are served from the classpath at {@link #SERVICE_RESOURCE} and
 * {@link #FEDERATION_RESOURCE} and {@link #INDICATOR_RESOURCE}.
 */
public final class JsonSchemas {

    public static final String SERVICE_RESOURCE = "/se/insatsnavet/schema/json/service.schema.json";
    public static final String FEDERATION_RESOURCE = "/se/insatsnavet/schema/json/federation.schema.json";
    public static final String INDICATOR_RESOURCE = "/se/insatsnavet/schema/json/indicator.schema.json";
    public static final String ARTICLE_RESOURCE = "/se/insatsnavet/schema/json/article.schema.json";

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final JsonSchemas SERVICE = new JsonSchemas(SERVICE_RESOURCE);
    private static final JsonSchemas FEDERATION = new JsonSchemas(FEDERATION_RESOURCE);
    private static final JsonSchemas INDICATOR = new JsonSchemas(INDICATOR_RESOURCE);
    private static final JsonSchemas ARTICLE = new JsonSchemas(ARTICLE_RESOURCE);

    private final Schema schema;

    private JsonSchemas(String resource) {
        try (InputStream in = JsonSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("JSON Schema missing from classpath: " + resource);
            }
            this.schema = REGISTRY.getSchema(in, InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The canonical service description schema. */
    public static JsonSchemas service() {
        return SERVICE;
    }

    /** The federation descriptor schema. */
    public static JsonSchemas federation() {
        return FEDERATION;
    }

    /** One record of a federation's outcome indicators (aggregated counts per service, year and sex). */
    public static JsonSchemas indicator() {
        return INDICATOR;
    }

    /** One guidance article (issue 20): a Vägval text, a story, a question with its answer or a situation guide. */
    public static JsonSchemas article() {
        return ARTICLE;
    }

    /** Validates a document; an empty list means it conforms. */
    public List<SchemaProblem> validate(JsonNode document) {
        List<Error> errors = schema.validate(document, ctx -> ctx.executionConfig(c -> c.formatAssertionsEnabled(true)));
        List<SchemaProblem> problems = new ArrayList<>(errors.size());
        for (Error error : errors) {
            problems.add(new SchemaProblem(fieldOf(error), messageOf(error), error.getKeyword()));
        }
        return problems;
    }

    /** Dotted field path of the failing value; for a missing required property, the property itself. */
    private static String fieldOf(Error error) {
        StringBuilder field = new StringBuilder();
        for (String segment : error.getInstanceLocation().toString().split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (segment.chars().allMatch(Character::isDigit)) {
                field.append('[').append(segment).append(']');
            } else {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(segment.replace("~1", "/").replace("~0", "~"));
            }
        }
        if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
            if (field.length() > 0) {
                field.append('.');
            }
            field.append(error.getProperty());
        }
        return field.toString();
    }

    /** The validator's message without the location prefix it repeats. */
    private static String messageOf(Error error) {
        String message = error.getMessage();
        String prefix = error.getInstanceLocation() + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }
}
