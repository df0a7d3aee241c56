package se.insatsnavet.connectors.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import se.insatsnavet.connectors.descriptor.FederationDescriptor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One compiled rule of a source's {@code mapping.fields}: the source paths it reads, its split, its value map
 * (keys in {@link RawValues#normalize} form), its language, an explicit scalar type, and its default. Also
 * resolves the {@code $federation.…} placeholders of defaults.
 */
record FieldRule(List<String> paths, Pattern split, Map<String, JsonNode> valueMap, String lang, FieldKind type,
                 JsonNode defaultValue, boolean defaultWhenUnmatched) {

    /**
     * Compiles the rule of one field: a path, or an object with {@code path}/{@code paths}, {@code split},
     * {@code valueMap}, {@code lang}, {@code type}, {@code default} and {@code defaultWhenUnmatched}.
     *
     * @param language the source's language, for texts whose rule names none
     * @throws IllegalArgumentException if the rule names an unknown value map, type or placeholder
     */
    static FieldRule compile(CanonicalField field, JsonNode rule, JsonNode valueMaps, FederationDescriptor federation,
                             String language) {
        String at = "mapping.fields." + field.name();
        if (rule.isTextual()) {
            return new FieldRule(List.of(rule.asText()), null, null, language, null, null, true);
        }
        if (!rule.isObject()) {
            throw new IllegalArgumentException(at + ": a rule is a path or an object");
        }
        List<String> paths = new ArrayList<>();
        if (rule.hasNonNull("path")) {
            paths.add(rule.get("path").asText());
        }
        rule.path("paths").forEach(p -> paths.add(p.asText()));
        Pattern split = rule.hasNonNull("split") ? Pattern.compile(Pattern.quote(rule.get("split").asText())) : null;
        Map<String, JsonNode> valueMap = null;
        if (rule.hasNonNull("valueMap")) {
            String name = rule.get("valueMap").asText();
            JsonNode map = valueMaps.path(name);
            if (!map.isObject()) {
                throw new IllegalArgumentException(at + ".valueMap: no value map named '" + name + "' in mapping.valueMaps");
            }
            valueMap = new HashMap<>();
            for (Map.Entry<String, JsonNode> entry : map.properties()) {
                valueMap.put(RawValues.normalize(entry.getKey()), entry.getValue());
            }
            valueMap = Collections.unmodifiableMap(valueMap);
        }
        String lang = rule.hasNonNull("lang") ? rule.get("lang").asText() : language;
        FieldKind type = null;
        if (rule.hasNonNull("type")) {
            String name = rule.get("type").asText();
            type = switch (name) {
                case "string" -> FieldKind.STRING;
                case "integer" -> FieldKind.INTEGER;
                case "boolean" -> FieldKind.BOOLEAN;
                case "date" -> FieldKind.DATE;
                default -> throw new IllegalArgumentException(at + ".type: unknown type '" + name + "'");
            };
        }
        JsonNode defaultValue = rule.has("default") ? resolvePlaceholder(rule.get("default"), federation) : null;
        return new FieldRule(List.copyOf(paths), split, valueMap, lang, type, defaultValue,
                rule.path("defaultWhenUnmatched").asBoolean(true));
    }

    /**
     * A default as given, or for {@link RecordMapper#FEDERATION_MUNICIPALITIES} the federation's municipality codes.
     *
     * @throws IllegalArgumentException for any other {@code $federation.} placeholder
     */
    static JsonNode resolvePlaceholder(JsonNode value, FederationDescriptor federation) {
        if (value.isTextual() && value.asText().startsWith("$federation.")) {
            if (!value.asText().equals(RecordMapper.FEDERATION_MUNICIPALITIES)) {
                throw new IllegalArgumentException("unknown placeholder '" + value.asText() + "' (known: "
                        + RecordMapper.FEDERATION_MUNICIPALITIES + ")");
            }
            ArrayNode codes = JsonNodeFactory.instance.arrayNode();
            federation.municipalities().forEach(codes::add);
            return codes;
        }
        return value.deepCopy();
    }
}
