package se.insatsnavet.connectors.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import se.insatsnavet.connectors.descriptor.FederationDescriptor;
import se.insatsnavet.connectors.descriptor.SourceDescriptor;
import se.insatsnavet.connectors.source.RawRecord;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps raw records of one source to canonical service descriptions (or, for a source of articles, canonical guidance
 * articles), following the source's declarative {@code mapping} (see the connectors README for the rules). Built
 * once per source; immutable and thread-safe.
 */
public final class RecordMapper {

    /** The placeholder in defaults for all of the federation's municipalities. */
    public static final String FEDERATION_MUNICIPALITIES = "$federation.municipalities";

    /** Split for list fields without an explicit {@code split}: comma, semicolon, slash or line break. */
    public static final String DEFAULT_LIST_SPLIT = "[,;/\\r\\n]+";

    /** Split for {@code admission.criteria} without an explicit {@code split}: semicolon or line break (criteria are prose). */
    public static final String DEFAULT_CRITERIA_SPLIT = "[;\\r\\n]+";

    private static final Pattern DEFAULT_LIST = Pattern.compile(DEFAULT_LIST_SPLIT);
    private static final Pattern DEFAULT_CRITERIA = Pattern.compile(DEFAULT_CRITERIA_SPLIT);
    private static final Pattern MUNICIPALITY_CODE = Pattern.compile("\\d{3,4}");
    private static final Pattern COUNTY_CODE = Pattern.compile("\\d{1,2}");
    private static final Pattern LANGUAGE_CODE = Pattern.compile("[a-z]{2,3}");
    private static final Pattern DATE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(?:[T ].*)?");
    private static final Pattern LANG_TAG = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    private static final Set<String> TRUE = Set.of("ja", "yes", "true", "x", "1", "j", "y", "sant");
    private static final Set<String> FALSE = Set.of("nej", "no", "false", "0", "n", "falskt");

    private enum Kind {
        STRING, INTEGER, BOOLEAN, DATE, TEXT, TEXT_LIST, STRING_LIST, LANGUAGE_LIST,
        CONCEPT, CONCEPT_LIST, MUNICIPALITY, MUNICIPALITY_LIST, COUNTY_LIST,
        /** The first of several values that is a concept (e.g. an article's kind among a post's categories). */
        FIRST_CONCEPT,
        /** Ordered steps: a list of objects with {@code title} and {@code text} (e.g. an ACF repeater). */
        STEPS;

        boolean scalarValue() {
            return this == STRING || this == INTEGER || this == BOOLEAN || this == DATE;
        }
    }

    private record Field(String name, Kind kind, String scheme) {
    }

    /** Every canonical field a mapping of services may fill, in the order of the canonical document. */
    private static final Map<String, Field> FIELDS = new LinkedHashMap<>();
    /** Every canonical field a mapping of articles may fill ({@code article.schema.json}), in document order. */
    private static final Map<String, Field> ARTICLE_FIELDS = new LinkedHashMap<>();

    static {
        articleField("id", Kind.STRING, null);
        articleField("kind", Kind.FIRST_CONCEPT, ConceptMatcher.ARTICLE_KIND);
        articleField("title", Kind.STRING, null);
        articleField("text", Kind.STRING, null);
        articleField("easyText", Kind.STRING, null);
        articleField("question", Kind.STRING, null);
        articleField("answer", Kind.STRING, null);
        articleField("steps", Kind.STEPS, null);
        articleField("services", Kind.STRING_LIST, null);
        articleField("targetGroups", Kind.CONCEPT_LIST, ConceptMatcher.TARGET_GROUP);
        articleField("methods", Kind.CONCEPT_LIST, ConceptMatcher.METHOD);
        articleField("situations", Kind.CONCEPT_LIST, ConceptMatcher.SITUATION);
        articleField("municipalities", Kind.MUNICIPALITY_LIST, ConceptMatcher.MUNICIPALITY);
        articleField("published", Kind.DATE, null);
        articleField("modified", Kind.DATE, null);
        articleField("url", Kind.STRING, null);
    }

    /** The canonical fields a mapping of a source holding {@code records} may fill. */
    public static java.util.Set<String> fieldNames(SourceDescriptor.Records records) {
        return java.util.Collections.unmodifiableSet((records == SourceDescriptor.Records.ARTICLES ? ARTICLE_FIELDS : FIELDS).keySet());
    }

    private static void articleField(String name, Kind kind, String scheme) {
        ARTICLE_FIELDS.put(name, new Field(name, kind, scheme));
    }

    static {
        field("localId", Kind.STRING, null);
        field("title", Kind.TEXT, null);
        field("description", Kind.TEXT, null);
        field("keywords", Kind.STRING_LIST, null);
        field("status", Kind.CONCEPT, ConceptMatcher.STATUS);
        field("provider.id", Kind.STRING, null);
        field("provider.name", Kind.TEXT, null);
        field("provider.type", Kind.CONCEPT, ConceptMatcher.PROVIDER_TYPE);
        field("provider.municipality", Kind.MUNICIPALITY, ConceptMatcher.MUNICIPALITY);
        field("targetGroups", Kind.CONCEPT_LIST, ConceptMatcher.TARGET_GROUP);
        field("ageRange.min", Kind.INTEGER, null);
        field("ageRange.max", Kind.INTEGER, null);
        field("methods", Kind.CONCEPT_LIST, ConceptMatcher.METHOD);
        field("municipalities", Kind.MUNICIPALITY_LIST, ConceptMatcher.MUNICIPALITY);
        field("regions", Kind.COUNTY_LIST, ConceptMatcher.COUNTY);
        field("admission.referralRequired", Kind.BOOLEAN, null);
        field("admission.selfReferral", Kind.BOOLEAN, null);
        field("admission.referrers", Kind.CONCEPT_LIST, ConceptMatcher.PROVIDER_TYPE);
        field("admission.criteria", Kind.TEXT_LIST, null);
        field("admission.howToApply", Kind.TEXT, null);
        field("duration.maxMonths", Kind.INTEGER, null);
        field("duration.extensionMonths", Kind.INTEGER, null);
        field("duration.text", Kind.TEXT, null);
        field("capacity.placesPerYear", Kind.INTEGER, null);
        field("capacity.text", Kind.TEXT, null);
        field("period.start", Kind.DATE, null);
        field("period.end", Kind.DATE, null);
        field("funding", Kind.CONCEPT_LIST, ConceptMatcher.FUNDING);
        field("contact.name", Kind.STRING, null);
        field("contact.email", Kind.STRING, null);
        field("contact.phone", Kind.STRING, null);
        field("contact.phoneExtension", Kind.STRING, null);
        field("contact.url", Kind.STRING, null);
        field("contact.openingHours", Kind.STRING, null);
        field("homepage", Kind.STRING, null);
        field("languages", Kind.LANGUAGE_LIST, null);
        field("output", Kind.TEXT, null);
        field("lastReviewed", Kind.DATE, null);
    }

    private static void field(String name, Kind kind, String scheme) {
        FIELDS.put(name, new Field(name, kind, scheme));
    }

    /** A text that was an item of a JSON array in the source: a list field takes it whole, never split. */
    private record Item(String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    /** A compiled field rule. */
    private record Rule(List<String> paths, Pattern split, Map<String, JsonNode> valueMap, String lang, Kind type,
                        JsonNode defaultValue, boolean defaultWhenUnmatched) {
    }

    private final ConceptMatcher matcher;
    private final Map<String, Field> fields;
    private final String idField;
    private final boolean articles;
    private final String language;
    private final boolean hsds;
    private final Map<String, Rule> rules;
    private final Map<String, JsonNode> defaults;

    /**
     * Compiles the source's mapping.
     *
     * @throws IllegalArgumentException if the source has no mapping, or the mapping names an unknown field,
     *                                  value map, type or {@code $federation} placeholder
     */
    public RecordMapper(FederationDescriptor federation, SourceDescriptor source, ConceptMatcher matcher) {
        Objects.requireNonNull(federation, "federation");
        this.matcher = Objects.requireNonNull(matcher, "matcher");
        ObjectNode mapping = DefaultMappings.effective(Objects.requireNonNull(source, "source").kind(), source.records(),
                source.mapping());
        this.articles = source.holdsArticles();
        this.fields = articles ? ARTICLE_FIELDS : FIELDS;
        this.idField = articles ? "id" : "localId";
        if (mapping == null || !mapping.path("fields").isObject()) {
            throw new IllegalArgumentException("source '" + source.id() + "' of federation '" + federation.id()
                    + "' has no mapping.fields");
        }
        this.language = source.language();
        this.hsds = HsdsRecordDetails.KIND.equals(source.kind());
        JsonNode valueMaps = mapping.path("valueMaps");
        Map<String, Rule> compiled = new HashMap<>();
        for (Map.Entry<String, JsonNode> entry : mapping.get("fields").properties()) {
            Field field = fieldNamed(entry.getKey(), "mapping.fields");
            compiled.put(field.name(), compile(field, entry.getValue(), valueMaps, federation));
        }
        Map<String, JsonNode> compiledDefaults = new HashMap<>();
        for (Map.Entry<String, JsonNode> entry : mapping.path("defaults").properties()) {
            Field field = fieldNamed(entry.getKey(), "mapping.defaults");
            compiledDefaults.put(field.name(), resolvePlaceholder(entry.getValue(), federation));
        }
        this.rules = Collections.unmodifiableMap(compiled);
        this.defaults = Collections.unmodifiableMap(compiledDefaults);
    }

    private Field fieldNamed(String name, String where) {
        Field field = fields.get(name);
        if (field == null) {
            throw new IllegalArgumentException(where + ": unknown canonical field '" + name + "'");
        }
        return field;
    }

    private Rule compile(Field field, JsonNode rule, JsonNode valueMaps, FederationDescriptor federation) {
        String at = "mapping.fields." + field.name();
        if (rule.isTextual()) {
            return new Rule(List.of(rule.asText()), null, null, language, null, null, true);
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
                valueMap.put(normalize(entry.getKey()), entry.getValue());
            }
            valueMap = Collections.unmodifiableMap(valueMap);
        }
        String lang = rule.hasNonNull("lang") ? rule.get("lang").asText() : language;
        Kind type = null;
        if (rule.hasNonNull("type")) {
            String name = rule.get("type").asText();
            type = switch (name) {
                case "string" -> Kind.STRING;
                case "integer" -> Kind.INTEGER;
                case "boolean" -> Kind.BOOLEAN;
                case "date" -> Kind.DATE;
                default -> throw new IllegalArgumentException(at + ".type: unknown type '" + name + "'");
            };
        }
        JsonNode defaultValue = rule.has("default") ? resolvePlaceholder(rule.get("default"), federation) : null;
        return new Rule(List.copyOf(paths), split, valueMap, lang, type, defaultValue,
                rule.path("defaultWhenUnmatched").asBoolean(true));
    }

    private static JsonNode resolvePlaceholder(JsonNode value, FederationDescriptor federation) {
        if (value.isTextual() && value.asText().startsWith("$federation.")) {
            if (!value.asText().equals(FEDERATION_MUNICIPALITIES)) {
                throw new IllegalArgumentException("unknown placeholder '" + value.asText() + "' (known: "
                        + FEDERATION_MUNICIPALITIES + ")");
            }
            ArrayNode codes = JsonNodeFactory.instance.arrayNode();
            federation.municipalities().forEach(codes::add);
            return codes;
        }
        return value.deepCopy();
    }

    /** Lower case, without diacritics, whitespace collapsed: how value-map keys are compared. */
    static String normalize(String value) {
        String decomposed = Normalizer.normalize(value, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return decomposed.toLowerCase(Locale.ROOT).trim().replaceAll("\\s+", " ");
    }

    /** Maps one record. Never throws for bad data: problems are warnings and errors of the result. */
    public MappingResult map(RawRecord record) {
        Run run = new Run(record);
        for (Field field : fields.values()) {
            Rule rule = rules.get(field.name());
            JsonNode fallback = rule != null && rule.defaultValue() != null ? rule.defaultValue() : defaults.get(field.name());
            if (rule == null && fallback == null) {
                continue;
            }
            List<Object> values = rule == null ? List.of() : run.values(rule, field);
            if (values.isEmpty()) {
                if (fallback != null) {
                    run.applyDefault(field, rule, fallback);
                }
            } else {
                run.convert(field, rule, values);
                if (fallback != null && !run.has(field.name()) && rule.defaultWhenUnmatched()) {
                    run.applyDefault(field, rule, fallback);
                }
            }
            if (field.name().equals(idField)) {
                JsonNode id = run.service.get(idField);
                run.localId = id == null ? null : id.asText();
                if (run.localId == null) {
                    run.error(field, null, "the record has no " + idField
                            + (rule == null || rule.paths().isEmpty() ? "" : " (source field " + String.join(", ", rule.paths()) + ")"));
                }
            }
        }
        if (hsds) {
            HsdsRecordDetails.add(record, run.service, language, matcher, run.warnings);
        }
        if (articles) {
            questionFromTitleAndText(run.service);
        }
        return new MappingResult(run.localId, run.service, run.warnings, run.errors);
    }

    /**
     * A question article whose source gives no separate question asks its title, and one without a separate answer
     * is answered by its text (a post titled with the question, its content the answer: how sites write them).
     */
    private static void questionFromTitleAndText(ObjectNode article) {
        if (!"question".equals(article.path("kind").asText())) {
            return;
        }
        if (!article.has("question") && article.has("title")) {
            article.set("question", article.get("title").deepCopy());
        }
        if (!article.has("answer") && article.has("text")) {
            article.set("answer", article.remove("text"));
        }
    }

    /** The state of mapping one record. */
    private final class Run {
        final RawRecord record;
        final ObjectNode service = JsonNodeFactory.instance.objectNode();
        final List<RecordMessage> warnings = new ArrayList<>();
        final List<RecordMessage> errors = new ArrayList<>();
        String localId;

        Run(RawRecord record) {
            this.record = record;
        }

        void warn(Field field, Object value, String message) {
            warnings.add(new RecordMessage(record.locator(), localId, field.name(), value == null ? null : display(value), message));
        }

        void error(Field field, Object value, String message) {
            errors.add(new RecordMessage(record.locator(), localId, field.name(), value == null ? null : display(value), message));
        }

        /**
         * The non-empty values of the rule's paths, lists flattened, strings trimmed. For a single-valued
         * field the paths are alternatives: the first path that gives a value wins.
         */
        List<Object> values(Rule rule, Field field) {
            boolean single = field.kind().scalarValue() || field.kind() == Kind.TEXT || field.kind() == Kind.CONCEPT
                    || field.kind() == Kind.MUNICIPALITY;
            List<Object> values = new ArrayList<>();
            for (String path : rule.paths()) {
                collect(lookup(record.fields(), path), values, false);
                if (single && !values.isEmpty()) {
                    break;
                }
            }
            if (single || field.kind() == Kind.FIRST_CONCEPT) {
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

        void convert(Field field, Rule rule, List<Object> values) {
            switch (field.kind()) {
                case TEXT -> text(field, rule, values);
                case TEXT_LIST -> textList(field, rule, values);
                case FIRST_CONCEPT -> firstConcept(field, rule, values);
                case STEPS -> steps(field, values);
                case STRING_LIST, LANGUAGE_LIST, CONCEPT_LIST, MUNICIPALITY_LIST, COUNTY_LIST -> list(field, rule, values);
                default -> scalar(field, rule, values);
            }
        }

        private void text(Field field, Rule rule, List<Object> values) {
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
        private void firstConcept(Field field, Rule rule, List<Object> values) {
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
        private void steps(Field field, List<Object> values) {
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

        private void textList(Field field, Rule rule, List<Object> values) {
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

        private void list(Field field, Rule rule, List<Object> values) {
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
        private Optional<String> listItem(Field field, Rule rule, String item) {
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

        private Optional<String> concept(Field field, String item) {
            Optional<String> code = matcher.match(field.scheme(), item);
            if (code.isEmpty()) {
                warn(field, item, "matches no " + field.scheme() + " concept and no value-map entry; left out");
            }
            return code;
        }

        private void scalar(Field field, Rule rule, List<Object> values) {
            Object value = values.get(0);
            warnIfSeveral(field, values);
            if (value instanceof Map<?, ?>) {
                warn(field, value, "expected a single value, found an object; left out");
                return;
            }
            if (field.kind() == Kind.CONCEPT || field.kind() == Kind.MUNICIPALITY) {
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

        private void warnIfSeveral(Field field, List<Object> values) {
            if (values.size() > 1) {
                warn(field, values.subList(1, values.size()), "several values for a single-valued field; only the first ('"
                        + display(values.get(0)) + "') is used");
            }
        }

        /** A canonical value given in the mapping ({@code default} of a rule, or {@code mapping.defaults}). */
        void applyDefault(Field field, Rule rule, JsonNode value) {
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
                    Kind kind = rule != null && rule.type() != null ? rule.type() : field.kind();
                    coerce(field, kind, source, source, "the default ").ifPresent(node -> put(field.name(), node));
                }
            }
        }

        private Optional<JsonNode> coerce(Field field, Kind kind, Object value, Object original, String what) {
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

        /** Sets a dotted canonical field, creating the objects on the way. */
        /** Whether the canonical field already has a value. */
        boolean has(String dotted) {
            return !service.at("/" + dotted.replace('.', '/')).isMissingNode();
        }

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

    /**
     * The value at a column name or dot path ({@code a.b.0.c}); an exact top-level key wins over a path. A
     * {@code *} segment maps the rest of the path over every item of a list ({@code contacts.*.email}) and
     * gives the list of the non-null results.
     */
    static Object lookup(Map<String, Object> fields, String path) {
        if (fields.containsKey(path) || path.indexOf('.') < 0) {
            return fields.get(path);
        }
        return lookup(fields, path.split("\\."), 0);
    }

    private static Object lookup(Object current, String[] segments, int from) {
        for (int i = from; i < segments.length && current != null; i++) {
            String segment = segments[i];
            if (current instanceof List<?> list && segment.equals("*")) {
                List<Object> results = new ArrayList<>();
                for (Object item : list) {
                    Object value = lookup(item, segments, i + 1);
                    if (value instanceof List<?> nested) {
                        results.addAll(nested);
                    } else if (value != null) {
                        results.add(value);
                    }
                }
                return results.isEmpty() ? null : results;
            } else if (current instanceof Map<?, ?> map) {
                current = map.get(segment);
            } else if (current instanceof List<?> list && !segment.isEmpty() && segment.chars().allMatch(Character::isDigit)) {
                int index = Integer.parseInt(segment);
                current = index < list.size() ? list.get(index) : null;
            } else {
                return null;
            }
        }
        return current;
    }

    private static List<String> split(String value, Pattern separator) {
        List<String> items = new ArrayList<>();
        for (String item : separator.split(value)) {
            String trimmed = item.trim();
            if (!trimmed.isEmpty()) {
                items.add(trimmed);
            }
        }
        return items;
    }

    private static Long toInteger(Object value) {
        if (value instanceof Boolean) {
            return null;
        }
        String text = display(value).replaceAll("[\\s\\u00A0\\u202F]", "");
        try {
            BigDecimal number = new BigDecimal(text);
            return number.stripTrailingZeros().scale() <= 0 ? number.longValueExact() : null;
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    private static Boolean toBoolean(Object value) {
        if (value instanceof Boolean bool) {
            return bool;
        }
        String key = normalize(display(value));
        return TRUE.contains(key) ? Boolean.TRUE : FALSE.contains(key) ? Boolean.FALSE : null;
    }

    /** A raw value as text: integral numbers without a fraction, lists joined. */
    private static String display(Object value) {
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            BigDecimal number = new BigDecimal(value.toString());
            return number.stripTrailingZeros().scale() <= 0 ? number.toBigInteger().toString() : number.toPlainString();
        }
        if (value instanceof List<?> list) {
            List<String> parts = new ArrayList<>();
            list.forEach(item -> parts.add(display(item)));
            return String.join(", ", parts);
        }
        return String.valueOf(value);
    }
}
