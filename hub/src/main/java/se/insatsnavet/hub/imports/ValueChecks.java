package se.insatsnavet.hub.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import se.insatsnavet.connectors.mapping.PhoneNumbers;
import se.insatsnavet.schema.json.JsonSchemas;
import se.insatsnavet.schema.json.SchemaProblem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value checks of one canonical record before it is converted (called by the {@link RecordChecks} stage): derives what its phone number means
 * ({@link PhoneNumbers}, in the source's region), validates it against {@link JsonSchemas#service()}, and decides
 * what a problem costs. A record is rejected only for what makes it unusable: no id, no title, a problem in a
 * field the service cannot be published correctly without (description, status, places, concepts, provider,
 * an unknown field). A format problem in an optional field ({@link #OPTIONAL}: e-mail, web addresses, phone,
 * opening hours, ages, dates, languages, keywords …) is a warning naming the field and the value, and the value
 * is left out: the service is published without it. Each field gets one message per problem (the validator
 * reports a bad e-mail address twice, for {@code format} and for {@code pattern}).
 */
public final class ValueChecks {

    /** Canonical fields (array items by their array's name) whose bad value is left out with a warning. */
    static final Set<String> OPTIONAL = Set.of("contact.name", "contact.email", "contact.phone", "contact.url",
            "contact.openingHours", "homepage", "ageRange", "ageRange.min", "ageRange.max", "period.start", "period.end",
            "lastReviewed", "languages", "keywords", "duration.maxMonths", "duration.extensionMonths", "duration.text",
            "capacity.placesPerYear", "capacity.text", "output", "admission.howToApply", "admission.criteria");

    /** Plain reasons for a value of the wrong form, by field. */
    private static final Map<String, String> FORMS = Map.of(
            "contact.email", "not an e-mail address",
            "contact.url", "not a web address (http:// or https://)",
            "homepage", "not a web address (http:// or https://)",
            "period.start", "not a date (YYYY-MM-DD)",
            "period.end", "not a date (YYYY-MM-DD)",
            "lastReviewed", "not a date (YYYY-MM-DD)",
            "languages", "not an ISO 639 language code (two or three lower-case letters)");
    /** Keywords that judge a value's form: a value failing several of them has one problem. */
    private static final Set<String> FORM_KEYWORDS = Set.of("format", "pattern", "type");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");
    /** Rounds of leaving values out and validating again (leaving out can empty an array or object). */
    private static final int ROUNDS = 3;

    private ValueChecks() {
    }

    /**
     * What checking a record found.
     *
     * @param errors   problems that reject the record (empty: it is published)
     * @param warnings values left out or kept with a remark; the record is still published
     */
    public record Outcome(List<RunMessage> errors, List<RunMessage> warnings) {

        /** Whether the record is rejected. */
        public boolean rejected() {
            return !errors.isEmpty();
        }
    }

    /**
     * Checks a mapped record, changing it in place: derived phone fields are (re)computed and values with a
     * format problem in an optional field are left out.
     *
     * @param locator where in the source
     * @param localId the record's id (may be null)
     * @param service its canonical JSON
     * @param region  the source's phone region (ISO 3166-1 alpha-2), null for {@link PhoneNumbers#DEFAULT_REGION}
     */
    public static Outcome check(String locator, String localId, ObjectNode service, String region) {
        List<RunMessage> warnings = new ArrayList<>();
        if (service.get("contact") instanceof ObjectNode contact) {
            String phone = contact.path("phone").asText(null);
            PhoneNumbers.derive(contact, region).ifPresent(problem ->
                    warnings.add(RunMessage.warning(locator, localId, "contact.phone", phone, problem)));
        }
        inverted(service, "ageRange", "min", "max")
                .ifPresent(v -> warnings.add(RunMessage.warning(locator, localId, "ageRange", v,
                        "the minimum age is above the maximum age; the age range is left out, the service is published without it")));
        inverted(service, "period", "start", "end")
                .ifPresent(v -> warnings.add(RunMessage.warning(locator, localId, "period", v,
                        "the period ends before it starts; the period is left out, the service is published without it")));
        for (int round = 0; round < ROUNDS; round++) {
            List<SchemaProblem> problems = JsonSchemas.service().validate(service);
            if (problems.isEmpty()) {
                break;
            }
            List<RunMessage> errors = new ArrayList<>();
            Map<String, SchemaProblem> leftOut = new TreeMap<>(ValueChecks::deepestLast);
            for (SchemaProblem p : distinct(problems).values()) {
                if (optional(p.field())) {
                    leftOut.putIfAbsent(p.field(), p);
                } else {
                    errors.add(RunMessage.error(locator, localId, p.field(), valueAt(service, p.field()), reason(p)));
                }
            }
            if (!errors.isEmpty()) {
                return new Outcome(errors, warnings);
            }
            // the deepest paths and the highest indexes first, so that removing one does not move another
            for (SchemaProblem p : leftOut.values()) {
                String value = valueAt(service, p.field());
                if (remove(service, p.field())) {
                    warnings.add(RunMessage.warning(locator, localId, p.field(), value,
                            reason(p) + "; left out, the service is published without it"));
                }
            }
        }
        List<SchemaProblem> left = JsonSchemas.service().validate(service);
        List<RunMessage> errors = new ArrayList<>();
        for (SchemaProblem p : distinct(left).values()) {
            errors.add(RunMessage.error(locator, localId, p.field(), valueAt(service, p.field()), reason(p)));
        }
        return new Outcome(errors, warnings);
    }

    /**
     * Removes a range whose lower bound is above its upper one (the shapes would reject the whole record for it).
     *
     * @return the range as it was, when removed
     */
    private static Optional<String> inverted(ObjectNode service, String range, String low, String high) {
        JsonNode r = service.get(range);
        if (r == null || !r.path(low).isValueNode() || !r.path(high).isValueNode()) {
            return Optional.empty();
        }
        JsonNode a = r.get(low);
        JsonNode b = r.get(high);
        boolean wrong = a.isNumber() && b.isNumber() ? a.asLong() > b.asLong()
                : a.isTextual() && b.isTextual() && a.asText().length() == b.asText().length() && a.asText().compareTo(b.asText()) > 0;
        if (!wrong) {
            return Optional.empty();
        }
        service.remove(range);
        return Optional.of(r.toString());
    }

    /** One problem per field and kind (a value's form: {@code format}, {@code pattern}, {@code type}), in order. */
    static Map<String, SchemaProblem> distinct(List<SchemaProblem> problems) {
        Map<String, SchemaProblem> byKey = new LinkedHashMap<>();
        for (SchemaProblem p : problems) {
            String kind = FORM_KEYWORDS.contains(p.keyword()) ? "form" : p.keyword();
            byKey.merge(p.field() + "\u0000" + kind, p, (first, next) -> "format".equals(next.keyword()) ? next : first);
        }
        return byKey;
    }

    private static String reason(SchemaProblem p) {
        String form = FORMS.get(arrayName(p.field()));
        return form != null && FORM_KEYWORDS.contains(p.keyword()) ? form : p.message();
    }

    /** Whether a field is, or lies within, an optional field. */
    static boolean optional(String field) {
        String name = arrayName(field);
        for (String o : OPTIONAL) {
            if (name.equals(o) || name.startsWith(o + ".")) {
                return true;
            }
        }
        return false;
    }

    /** A field path without its array indexes ({@code languages[2]} → {@code languages}). */
    static String arrayName(String field) {
        return INDEX.matcher(field).replaceAll("");
    }

    /** Deeper paths first, then higher array indexes first, then by name. */
    private static int deepestLast(String a, String b) {
        int depth = Integer.compare(depth(b), depth(a));
        if (depth != 0) {
            return depth;
        }
        int index = Integer.compare(lastIndex(b), lastIndex(a));
        return index != 0 ? index : a.compareTo(b);
    }

    private static int depth(String field) {
        return field.split("[.\\[]").length;
    }

    private static int lastIndex(String field) {
        Matcher m = INDEX.matcher(field);
        int last = -1;
        while (m.find()) {
            last = Integer.parseInt(m.group(1));
        }
        return last;
    }

    /** Removes the value at a dotted path with indexes; an object or array it empties goes too. */
    static boolean remove(ObjectNode root, String field) {
        List<Object> steps = steps(field);
        if (steps.isEmpty()) {
            return false;
        }
        List<JsonNode> parents = new ArrayList<>();
        JsonNode node = root;
        for (Object step : steps.subList(0, steps.size() - 1)) {
            parents.add(node);
            node = step instanceof Integer i ? node.path(i) : node.path((String) step);
        }
        Object last = steps.get(steps.size() - 1);
        boolean removed = node instanceof ObjectNode o && last instanceof String name ? o.remove(name) != null
                : node instanceof ArrayNode a && last instanceof Integer i && i < a.size() && a.remove(i) != null;
        // empty containers left behind go too, from the innermost outwards
        for (int i = steps.size() - 2; removed && i >= 0 && node.isEmpty(); i--) {
            JsonNode parent = parents.get(i);
            Object step = steps.get(i);
            if (parent instanceof ObjectNode o && step instanceof String name) {
                o.remove(name);
            } else if (parent instanceof ArrayNode a && step instanceof Integer index) {
                a.remove(index);
            }
            node = parent;
        }
        return removed;
    }

    private static List<Object> steps(String field) {
        List<Object> steps = new ArrayList<>();
        if (field == null || field.isEmpty()) {
            return steps;
        }
        for (String part : field.split("\\.")) {
            int bracket = part.indexOf('[');
            String name = bracket >= 0 ? part.substring(0, bracket) : part;
            if (!name.isEmpty()) {
                steps.add(name);
            }
            Matcher m = INDEX.matcher(bracket >= 0 ? part.substring(bracket) : "");
            while (m.find()) {
                steps.add(Integer.parseInt(m.group(1)));
            }
        }
        return steps;
    }

    /** The value at a path as text (a container as JSON), or null. */
    static String valueAt(JsonNode root, String field) {
        JsonNode node = root;
        List<Object> steps = steps(field);
        if (steps.isEmpty()) {
            return null;
        }
        for (Object step : steps) {
            node = step instanceof Integer i ? node.path(i) : node.path((String) step);
        }
        return Optional.of(node).filter(n -> !n.isMissingNode() && !n.isNull())
                .map(n -> n.isValueNode() ? n.asText() : n.toString()).orElse(null);
    }
}
