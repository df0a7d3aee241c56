package se.insatsnavet.connectors.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import se.insatsnavet.connectors.descriptor.FederationDescriptor;
import se.insatsnavet.connectors.descriptor.SourceDescriptor;
import se.insatsnavet.connectors.source.RawRecord;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Maps raw records of one source to canonical service descriptions (or, for a source of articles, canonical guidance
 * articles), following the source's declarative {@code mapping} (see the connectors README for the rules). Built
 * once per source; immutable and thread-safe. The fields a mapping may fill are {@link CanonicalField}s, each rule
 * is compiled into a {@link FieldRule}, and one record is mapped by a {@link RecordMapping}.
 */
public final class RecordMapper {

    /** The placeholder in defaults for all of the federation's municipalities. */
    public static final String FEDERATION_MUNICIPALITIES = "$federation.municipalities";

    /** Split for list fields without an explicit {@code split}: comma, semicolon, slash or line break. */
    public static final String DEFAULT_LIST_SPLIT = "[,;/\\r\\n]+";

    /** Split for {@code admission.criteria} without an explicit {@code split}: semicolon or line break (criteria are prose). */
    public static final String DEFAULT_CRITERIA_SPLIT = "[;\\r\\n]+";

    /** The canonical fields a mapping of a source holding {@code records} may fill. */
    public static Set<String> fieldNames(SourceDescriptor.Records records) {
        return Collections.unmodifiableSet(CanonicalField.of(records).keySet());
    }

    private final ConceptMatcher matcher;
    private final Map<String, CanonicalField> fields;
    private final String idField;
    private final boolean articles;
    private final String language;
    private final boolean hsds;
    private final Map<String, FieldRule> rules;
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
        this.fields = articles ? CanonicalField.ARTICLE_FIELDS : CanonicalField.SERVICE_FIELDS;
        this.idField = articles ? "id" : "localId";
        if (mapping == null || !mapping.path("fields").isObject()) {
            throw new IllegalArgumentException("source '" + source.id() + "' of federation '" + federation.id()
                    + "' has no mapping.fields");
        }
        this.language = source.language();
        this.hsds = HsdsRecordDetails.KIND.equals(source.kind());
        JsonNode valueMaps = mapping.path("valueMaps");
        Map<String, FieldRule> compiled = new HashMap<>();
        for (Map.Entry<String, JsonNode> entry : mapping.get("fields").properties()) {
            CanonicalField field = fieldNamed(entry.getKey(), "mapping.fields");
            compiled.put(field.name(), FieldRule.compile(field, entry.getValue(), valueMaps, federation, language));
        }
        Map<String, JsonNode> compiledDefaults = new HashMap<>();
        for (Map.Entry<String, JsonNode> entry : mapping.path("defaults").properties()) {
            CanonicalField field = fieldNamed(entry.getKey(), "mapping.defaults");
            compiledDefaults.put(field.name(), FieldRule.resolvePlaceholder(entry.getValue(), federation));
        }
        this.rules = Collections.unmodifiableMap(compiled);
        this.defaults = Collections.unmodifiableMap(compiledDefaults);
    }

    private CanonicalField fieldNamed(String name, String where) {
        CanonicalField field = fields.get(name);
        if (field == null) {
            throw new IllegalArgumentException(where + ": unknown canonical field '" + name + "'");
        }
        return field;
    }

    /** Maps one record. Never throws for bad data: problems are warnings and errors of the result. */
    public MappingResult map(RawRecord record) {
        RecordMapping run = new RecordMapping(record, matcher, language);
        for (CanonicalField field : fields.values()) {
            FieldRule rule = rules.get(field.name());
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
}
