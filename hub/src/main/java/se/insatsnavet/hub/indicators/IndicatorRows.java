package se.insatsnavet.hub.indicators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import se.insatsnavet.connectors.source.RawRecord;
import se.insatsnavet.hub.http.Responses;
import se.insatsnavet.hub.imports.RunMessage;
import se.insatsnavet.schema.json.JsonSchemas;
import se.insatsnavet.schema.json.SchemaProblem;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads raw rows of an indicators source into {@link IndicatorRecord}s. A row is rejected, with an error
 * naming row and field, when it does not conform to {@code indicator.schema.json}, when a part is larger than
 * its whole (exits &gt; participants, in work &gt; followed up …), when a share's numerator comes without its
 * base, when its service is not published by the federation, or when an earlier row has the same service,
 * year and sex. The other rows are kept.
 */
public final class IndicatorRows {

    /** Fields that must not exceed another field of the same row: part → whole. */
    private static final Map<String, String> PART_OF = partOf();
    private static final Set<String> COUNT_FIELDS = Set.of("participants", "exits", "workOrStudiesAtExit", "stepMovement",
            "followedUp6Months", "workOrStudies6Months", "followedUp18Months", "workOrStudies18Months");

    /** The rows kept and the messages about the others. */
    public record Result(List<IndicatorRecord> records, List<RunMessage> errors, int rejected) {
    }

    private IndicatorRows() {
    }

    /**
     * @param published the local ids of the services the federation publishes
     */
    public static Result read(List<RawRecord> rows, Set<String> published) {
        List<IndicatorRecord> records = new ArrayList<>();
        List<RunMessage> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int rejected = 0;
        for (RawRecord raw : rows) {
            ObjectNode row = normalised(raw);
            List<RunMessage> problems = new ArrayList<>();
            String service = row.path("service").asText(null);
            for (SchemaProblem p : JsonSchemas.indicator().validate(row)) {
                // an unknown column's value is never repeated in the (public) run report: it may be free text
                String field = p.field().isEmpty() ? unknownProperty(p) : p.field();
                JsonNode value = p.field().isEmpty() ? null : row.get(field);
                problems.add(RunMessage.error(raw.locator(), service, field, value == null ? null : value.asText(),
                        p.message()));
            }
            if (problems.isEmpty()) {
                PART_OF.forEach((part, whole) -> {
                    if (!row.has(part)) {
                        return;
                    }
                    if (!row.has(whole)) {
                        problems.add(RunMessage.error(raw.locator(), service, part, null,
                                part + " is given without " + whole + ", which it is a part of"));
                    } else if (row.path(part).asInt() > row.path(whole).asInt()) {
                        problems.add(RunMessage.error(raw.locator(), service, part, null,
                                part + " is larger than " + whole + ", which it is a part of"));
                    }
                });
                if (!published.contains(service)) {
                    problems.add(RunMessage.error(raw.locator(), service, "service", service,
                            "No published service of this federation has the local id '" + service + "'"));
                }
            }
            if (problems.isEmpty() && !seen.add(service + "\u0000" + row.path("period").asText() + "\u0000" + row.path("sex").asText())) {
                problems.add(RunMessage.error(raw.locator(), service, "sex", row.path("sex").asText(),
                        "An earlier row already has the figures of this service, year and sex"));
            }
            if (!problems.isEmpty()) {
                errors.addAll(problems);
                rejected++;
                continue;
            }
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (String field : COUNT_FIELDS) {
                if (row.has(field)) {
                    counts.put(field, row.path(field).asInt());
                }
            }
            records.add(new IndicatorRecord(raw.locator(), service, row.path("period").asText(), row.path("sex").asText(), counts));
        }
        return new Result(records, errors, rejected);
    }

    /**
     * The row as JSON for the schema: CSV's texts become numbers where they are whole numbers, a numeric year
     * becomes text, and the Swedish and English words for women and men become F and M.
     */
    static ObjectNode normalised(RawRecord raw) {
        ObjectNode row = Responses.JSON.valueToTree(raw.fields());
        for (String field : COUNT_FIELDS) {
            JsonNode v = row.get(field);
            if (v != null && v.isTextual() && v.asText().trim().matches("[0-9]{1,9}")) {
                row.put(field, Integer.parseInt(v.asText().trim()));
            }
        }
        JsonNode period = row.get("period");
        if (period != null && period.isIntegralNumber()) {
            row.put("period", period.asText());
        } else if (period != null && period.isTextual()) {
            row.put("period", period.asText().trim());
        }
        JsonNode sex = row.get("sex");
        if (sex != null && sex.isTextual()) {
            String s = sex.asText().trim().toLowerCase(Locale.ROOT);
            switch (s) {
                case "f", "k", "kvinna", "kvinnor", "woman", "women", "female" -> row.put("sex", "F");
                case "m", "man", "män", "men", "male" -> row.put("sex", "M");
                default -> {
                }
            }
        }
        JsonNode service = row.get("service");
        if (service != null && !service.isTextual() && service.isValueNode()) {
            row.set("service", JsonNodeFactory.instance.textNode(service.asText()));
        }
        return row;
    }

    /** The column a row-level problem is about (an unknown column: "property 'x' is not defined …"), or null. */
    private static String unknownProperty(SchemaProblem p) {
        Matcher m = Pattern.compile("'([^']{1,200})'").matcher(p.message());
        return "additionalProperties".equals(p.keyword()) && m.find() ? m.group(1) : null;
    }

    private static Map<String, String> partOf() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("exits", "participants");
        m.put("workOrStudiesAtExit", "exits");
        m.put("stepMovement", "exits");
        m.put("workOrStudies6Months", "followedUp6Months");
        m.put("workOrStudies18Months", "followedUp18Months");
        return m;
    }
}
