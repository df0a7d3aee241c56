package se.insatsnavet.connectors.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import se.insatsnavet.connectors.mapping.RawValues.Item;
import se.insatsnavet.connectors.source.RawRecord;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static se.insatsnavet.connectors.mapping.RawValues.display;
import static se.insatsnavet.connectors.mapping.RawValues.lookup;
import static se.insatsnavet.connectors.mapping.RawValues.normalize;
import static se.insatsnavet.connectors.mapping.RawValues.split;
import static se.insatsnavet.connectors.mapping.RawValues.toBoolean;
import static se.insatsnavet.connectors.mapping.RawValues.toInteger;

/**
 * The state of mapping one record: the canonical document being built, and the record's warnings and errors.
 * Gathers each rule's raw values and converts them by the field's {@link FieldKind}: language-tagged texts,
 * lists split and matched item by item (value map first, then literal codes or the concept matcher), scalars
 * read as whole numbers, yes/no or dates, and the mapping's defaults. A value it cannot read is left out with a
 * warning, never altered in silence. One instance per record; not thread-safe.
 */
final class RecordMapping {

    private static final Pattern DEFAULT_LIST = Pattern.compile(RecordMapper.DEFAULT_LIST_SPLIT);
    private static final Pattern DEFAULT_CRITERIA = Pattern.compile(RecordMapper.DEFAULT_CRITERIA_SPLIT);
    private static final Pattern MUNICIPALITY_CODE = Pattern.compile("\\d{3,4}");
    private static final Pattern COUNTY_CODE = Pattern.compile("\\d{1,2}");
    private static final Pattern LANGUAGE_CODE = Pattern.compile("[a-z]{2,3}");
    private static final Pattern DATE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(?:[T ].*)?");
    private static final Pattern LANG_TAG = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    private final ConceptMatcher matcher;
    private final String language;
    final RawRecord record;
    final ObjectNode service = JsonNodeFactory.instance.objectNode();
    final List<RecordMessage> warnings = new ArrayList<>();
    final List<RecordMessage> errors = new ArrayList<>();
    String localId;

    RecordMapping(RawRecord record, ConceptMatcher matcher, String language) {
        this.record = record;
        this.matcher = matcher;
        this.language = language;
    }

    void warn(CanonicalField field, Object value, String message) {
        warnings.add(new RecordMessage(record.locator(), localId, field.name(), value == null ? null : display(value), message));
    }

    void error(CanonicalField field, Object value, String message) {
        errors.add(new RecordMessage(record.locator(), localId, field.name(), value == null ? null : display(value), message));
    }

    /**
     * The non-empty values of the rule's paths, lists flattened, strings trimmed. For a single-valued
     * field the paths are alternatives: the first path that gives a value wins.
     */
    List<Object> values(FieldRule rule, CanonicalField field) {
        boolean single = field.singleValued();
        List<Object> values = new ArrayList<>();
        for (String path : rule.paths()) {
            collect(lookup(record.fields(), path), values, false);
            if (single && !values.isEmpty()) {
                break;
            }
        }
        if (single || field.kind() == FieldKind.FIRST_CONCEPT) {
            values.replaceAll(v -> v instanceof Item item ? item.text() : v);
        }
        return values;
    }

    private void collect(Object value, List<Object> into, boolean inList) {
        if (value == null) {
            return;
        }
        if (value instanceof List<?> list) {
            list.forEach(item -> collect(item, into, true));
        } else if (value instanceof String text) {
            if (!text.isBlank()) {
                into.add(inList ? new Item(text.trim()) : text.trim());
            }
        } else if (value instanceof Map<?, ?> map) {
            if (!map.isEmpty()) {
                into.add(map);
            }
        } else {
            into.add(value);
        }
    }

    void convert(CanonicalField field, FieldRule rule, List<Object> values) {
        switch (field.kind()) {
            case TEXT -> text(field, rule, values);
            case TEXT_LIST -> textList(field, rule, values);
            case FIRST_CONCEPT -> firstConcept(field, rule, values);
            case STEPS -> steps(field, values);
            case STRING_LIST, LANGUAGE_LIST, CONCEPT_LIST, MUNICIPALITY_LIST, COUNTY_LIST -> list(field, rule, values);
            default -> scalar(field, rule, values);
        }
    }

    private void text(CanonicalField field, FieldRule rule, List<Object> values) {
        Object value = values.get(0);
        ObjectNode text = JsonNodeFactory.instance.objectNode();
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String tag = String.valueOf(entry.getKey());
                if (!LANG_TAG.matcher(tag).matches() || entry.getValue() instanceof Map || entry.getValue() instanceof List) {
                    warn(field, value, "expected a text or an object of language-tagged texts; left out");
                    return;
                }
                String body = String.valueOf(entry.getValue()).trim();
                if (entry.getValue() != null && !body.isEmpty()) {
                    text.put(tag, body);
                }
            }
        } else {
            text.put(rule.lang(), display(value));
        }
        if (!text.isEmpty()) {
            put(field.name(), text);
        }
        warnIfSeveral(field, values);
    }

    /** The first value that the value map or the matcher knows; a warning only when none is known. */
    private void firstConcept(CanonicalField field, FieldRule rule, List<Object> values) {
        for (Object value : values) {
            if (value instanceof Map<?, ?>) {
                continue;
            }
            String item = display(value);
            if (rule.valueMap() != null && rule.valueMap().containsKey(normalize(item))) {
                JsonNode mapped = rule.valueMap().get(normalize(item));
                if (mapped != null && !mapped.isNull()) {
                    put(field.name(), JsonNodeFactory.instance.textNode(mapped.asText()));
                    return;
                }
                continue;
            }
            Optional<String> code = matcher.match(field.scheme(), item);
            if (code.isPresent()) {
                put(field.name(), JsonNodeFactory.instance.textNode(code.get()));
                return;
            }
        }
        warn(field, values, "none of the values matches a " + field.scheme() + " concept or a value-map entry; left out");
    }

    /** Ordered steps from a list of objects, each with {@code title} and {@code text}. */
    private void steps(CanonicalField field, List<Object> values) {
        ArrayNode steps = JsonNodeFactory.instance.arrayNode();
        for (Object value : values) {
            if (!(value instanceof Map<?, ?> map) || !(map.get("title") instanceof String title)
                    || !(map.get("text") instanceof String text) || title.isBlank() || text.isBlank()) {
                warn(field, value, "a step is an object with a title and a text; left out");
                continue;
            }
            steps.addObject().put("title", title.trim()).put("text", text.trim());
        }
        if (!steps.isEmpty()) {
            put(field.name(), steps);
        }
    }

    private void textList(CanonicalField field, FieldRule rule, List<Object> values) {
        ArrayNode texts = JsonNodeFactory.instance.arrayNode();
        for (Object value : values) {
            if (value instanceof Map<?, ?>) {
                warn(field, value, "expected texts, found an object; left out");
                continue;
            }
            for (String item : value instanceof Item whole ? List.of(whole.text())
                    : split(display(value), rule.split() != null ? rule.split() : DEFAULT_CRITERIA)) {
                texts.addObject().put(rule.lang(), item);
            }
        }
        if (!texts.isEmpty()) {
            put(field.name(), texts);
        }
    }

    private void list(CanonicalField field, FieldRule rule, List<Object> values) {
        Set<String> items = new LinkedHashSet<>();
        for (Object value : values) {
            if (value instanceof Map<?, ?>) {
                warn(field, value, "expected a list of values, found an object; left out");
                continue;
            }
            for (String item : value instanceof Item whole ? List.of(whole.text())
                    : split(display(value), rule.split() != null ? rule.split() : DEFAULT_LIST)) {
                listItem(field, rule, item).ifPresent(items::add);
            }
        }
        if (!items.isEmpty()) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            items.forEach(array::add);
            put(field.name(), array);
        }
    }

    /** One list item: value map first; then literal codes or the concept matcher, by field kind. */
    private Optional<String> listItem(CanonicalField field, FieldRule rule, String item) {
        if (rule.valueMap() != null) {
            String key = normalize(item);
            if (rule.valueMap().containsKey(key)) {
                JsonNode mapped = rule.valueMap().get(key);
                return mapped == null || mapped.isNull() ? Optional.empty() : Optional.of(mapped.asText());
            }
        }
        switch (field.kind()) {
            case STRING_LIST:
                return Optional.of(item);
            case LANGUAGE_LIST: {
                String code = item.toLowerCase(Locale.ROOT);
                if (LANGUAGE_CODE.matcher(code).matches()) {
                    return Optional.of(code);
                }
                warn(field, item, "not an ISO 639 language code and not in the value map; left out");
                return Optional.empty();
            }
            case MUNICIPALITY_LIST:
            case MUNICIPALITY:
                if (MUNICIPALITY_CODE.matcher(item).matches()) {
                    return Optional.of(item.length() == 3 ? "0" + item : item);
                }
                return concept(field, item);
            case COUNTY_LIST:
                if (COUNTY_CODE.matcher(item).matches()) {
                    return Optional.of(item.length() == 1 ? "0" + item : item);
                }
                return concept(field, item);
            default:
                return concept(field, item);
        }
    }

    private Optional<String> concept(CanonicalField field, String item) {
        Optional<String> code = matcher.match(field.scheme(), item);
        if (code.isEmpty()) {
            warn(field, item, "matches no " + field.scheme() + " concept and no value-map entry; left out");
        }
        return code;
    }

    private void scalar(CanonicalField field, FieldRule rule, List<Object> values) {
        Object value = values.get(0);
        warnIfSeveral(field, values);
        if (value instanceof Map<?, ?>) {
            warn(field, value, "expected a single value, found an object; left out");
            return;
        }
        if (field.kind() == FieldKind.CONCEPT || field.kind() == FieldKind.MUNICIPALITY) {
            listItem(field, rule, display(value)).ifPresent(code -> put(field.name(), JsonNodeFactory.instance.textNode(code)));
            return;
        }
        Object source = value;
        if (rule.valueMap() != null && value instanceof String text) {
            String key = normalize(text);
            if (rule.valueMap().containsKey(key)) {
                JsonNode mapped = rule.valueMap().get(key);
                if (mapped == null || mapped.isNull()) {
                    return; // mapped to null: deliberately left out
                }
                source = mapped.isTextual() ? mapped.asText() : mapped.isBoolean() ? (Object) mapped.booleanValue()
                        : mapped.numberValue();
            }
        }
        coerce(field, rule.type() != null ? rule.type() : field.kind(), source, value, "")
                .ifPresent(node -> put(field.name(), node));
    }

    private void warnIfSeveral(CanonicalField field, List<Object> values) {
        if (values.size() > 1) {
            warn(field, values.subList(1, values.size()), "several values for a single-valued field; only the first ('"
                    + display(values.get(0)) + "') is used");
        }
    }

    /** A canonical value given in the mapping ({@code default} of a rule, or {@code mapping.defaults}). */
    void applyDefault(CanonicalField field, FieldRule rule, JsonNode value) {
        String lang = rule != null ? rule.lang() : language;
        switch (field.kind()) {
            case TEXT -> put(field.name(), value.isObject() ? value.deepCopy()
                    : JsonNodeFactory.instance.objectNode().put(lang, value.asText()));
            case TEXT_LIST -> {
                ArrayNode texts = JsonNodeFactory.instance.arrayNode();
                for (JsonNode item : value.isArray() ? value : JsonNodeFactory.instance.arrayNode().add(value)) {
                    texts.add(item.isObject() ? item.deepCopy() : JsonNodeFactory.instance.objectNode().put(lang, item.asText()));
                }
                put(field.name(), texts);
            }
            case STRING_LIST, LANGUAGE_LIST, CONCEPT_LIST, MUNICIPALITY_LIST, COUNTY_LIST -> {
                ArrayNode items = JsonNodeFactory.instance.arrayNode();
                for (JsonNode item : value.isArray() ? value : JsonNodeFactory.instance.arrayNode().add(value)) {
                    items.add(item.asText());
                }
                put(field.name(), items);
            }
            case CONCEPT, MUNICIPALITY -> put(field.name(), JsonNodeFactory.instance.textNode(value.asText()));
            default -> {
                Object source = value.isTextual() ? value.asText() : value.isBoolean() ? (Object) value.booleanValue()
                        : value.isNumber() ? value.numberValue() : value.toString();
                FieldKind kind = rule != null && rule.type() != null ? rule.type() : field.kind();
                coerce(field, kind, source, source, "the default ").ifPresent(node -> put(field.name(), node));
            }
        }
    }

    private Optional<JsonNode> coerce(CanonicalField field, FieldKind kind, Object value, Object original, String what) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        switch (kind) {
            case INTEGER: {
                Long number = toInteger(value);
                if (number == null) {
                    warn(field, original, "cannot read " + what + "'" + display(original) + "' as a whole number; left out");
                    return Optional.empty();
                }
                return Optional.of(number >= Integer.MIN_VALUE && number <= Integer.MAX_VALUE
                        ? nodes.numberNode(number.intValue()) : nodes.numberNode(number));
            }
            case BOOLEAN: {
                Boolean bool = toBoolean(value);
                if (bool == null) {
                    warn(field, original, "cannot read " + what + "'" + display(original)
                            + "' as yes/no (ja/nej, yes/no, true/false, x); left out");
                    return Optional.empty();
                }
                return Optional.of(nodes.booleanNode(bool));
            }
            case DATE: {
                Matcher date = DATE.matcher(display(value));
                if (value instanceof String && date.matches()) {
                    try {
                        return Optional.of(nodes.textNode(LocalDate.parse(date.group(1)).toString()));
                    } catch (DateTimeParseException e) {
                        // reported below
                    }
                }
                warn(field, original, "cannot read " + what + "'" + display(original) + "' as a date (YYYY-MM-DD); left out");
                return Optional.empty();
            }
            default:
                return Optional.of(nodes.textNode(display(value)));
        }
    }

    /** Whether the canonical field already has a value. */
    boolean has(String dotted) {
        return !service.at("/" + dotted.replace('.', '/')).isMissingNode();
    }

    /** Sets a dotted canonical field, creating the objects on the way. */
    private void put(String dotted, JsonNode value) {
        ObjectNode target = service;
        String[] parts = dotted.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = target.get(parts[i]);
            target = child instanceof ObjectNode object ? object : target.putObject(parts[i]);
        }
        target.set(parts[parts.length - 1], value);
    }
}
