package se.insatsnavet.connectors.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import se.insatsnavet.connectors.source.RawRecord;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an HSDS service record keeps beyond the built-in mapping ({@code defaults/hsds.json}), added to the
 * canonical service after it:
 * <ul>
 *   <li>{@code id} → {@code identifiers} ({@code {notation: id, scheme: "hsds"}});</li>
 *   <li>{@code fees_description} and {@code cost_options} → {@code costs} (cv:Cost: description, amount,
 *       currency);</li>
 *   <li>{@code alert} → {@code alert}; {@code last_modified} → {@code sourceModified} (when it is a date-time);</li>
 *   <li>service area names and location cities that are no Swedish municipality → {@code areas} (kept as the
 *       source named them; the federation's municipalities are then not put in their place);</li>
 *   <li>every other field of the record, nested objects whole → {@code hsds}, published again as HSDS.</li>
 * </ul>
 * The fields whose canonical copy is exact ({@code name}, {@code description}, ages, {@code application_process},
 * {@code fees_description}, {@code alert}, {@code assured_date}, a parsable {@code last_modified}) are not
 * repeated in {@code hsds}. A record whose {@code hsds} part would exceed {@link #MAX_HSDS_CHARS} keeps its
 * largest fields out of it, each reported as a warning "Not carried".
 */
final class HsdsRecordDetails {

    /** The descriptor kind whose records get these details. */
    static final String KIND = "hsds";
    /** Largest {@code hsds} part kept per service (characters of its JSON). */
    static final int MAX_HSDS_CHARS = 200_000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> EXACT = Set.of("id", "name", "description", "minimum_age", "maximum_age",
            "application_process", "fees_description", "alert", "assured_date");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern MUNICIPALITY_CODE = Pattern.compile("\\d{3,4}");

    private HsdsRecordDetails() {
    }

    /** Adds the details of {@code record} to {@code service}; {@code warnings} may be changed. */
    static void add(RawRecord record, ObjectNode service, String language, ConceptMatcher matcher,
                    List<RecordMessage> warnings) {
        Map<String, Object> fields = record.fields();
        Object id = fields.get("id");
        if (id != null && !id.toString().isBlank()) {
            service.putArray("identifiers").addObject().put("notation", id.toString()).put("scheme", KIND);
        }
        costs(fields, service, language);
        text(fields.get("alert")).ifPresent(a -> service.putObject("alert").put(language, a));
        boolean modifiedKept = text(fields.get("last_modified")).filter(HsdsRecordDetails::isDateTime)
                .map(v -> service.put("sourceModified", v)).isPresent();
        areas(record, service, matcher, warnings);
        ObjectNode rest = JSON.createObjectNode();
        fields.forEach((name, value) -> {
            if (!EXACT.contains(name) && !(modifiedKept && name.equals("last_modified"))) {
                rest.set(name, JSON.valueToTree(value));
            }
        });
        String localId = service.path("localId").asText(null);
        while (!rest.isEmpty() && rest.toString().length() > MAX_HSDS_CHARS) {
            String largest = null;
            int size = -1;
            for (Map.Entry<String, JsonNode> e : rest.properties()) {
                if (e.getValue().toString().length() > size) {
                    largest = e.getKey();
                    size = e.getValue().toString().length();
                }
            }
            rest.remove(largest);
            warnings.add(new RecordMessage(record.locator(), localId, "hsds." + largest, null, RecordMessage.NOT_CARRIED
                    + ": the record's HSDS fields exceed " + MAX_HSDS_CHARS + " characters; this largest one (" + size
                    + " characters) is left out"));
        }
        if (!rest.isEmpty()) {
            service.set("hsds", rest);
        }
    }

    private static void costs(Map<String, Object> fields, ObjectNode service, String language) {
        ArrayNode costs = JSON.createArrayNode();
        text(fields.get("fees_description")).ifPresent(f -> costs.addObject().putObject("description").put(language, f));
        if (fields.get("cost_options") instanceof List<?> options) {
            for (Object option : options) {
                if (!(option instanceof Map<?, ?> o)) {
                    continue;
                }
                ObjectNode cost = JSON.createObjectNode();
                text(o.get("id")).ifPresent(v -> cost.put("id", v));
                text(o.get("option")).ifPresent(v -> cost.putObject("description").put(language, v));
                amount(o.get("amount")).ifPresent(v -> cost.put("amount", v));
                text(o.get("currency")).map(c -> c.toUpperCase(Locale.ROOT)).filter(c -> CURRENCY.matcher(c).matches())
                        .ifPresent(v -> cost.put("currency", v));
                if (!cost.isEmpty()) {
                    costs.add(cost);
                }
            }
        }
        if (!costs.isEmpty()) {
            service.set("costs", costs);
        }
    }

    /**
     * Service area names and location cities that match no municipality become {@code areas}; the warnings
     * that said they were left out are dropped, as they are kept.
     */
    private static void areas(RawRecord record, ObjectNode service, ConceptMatcher matcher, List<RecordMessage> warnings) {
        Map<String, String> named = new LinkedHashMap<>();
        if (record.get("service_areas") instanceof List<?> areas) {
            for (Object area : areas) {
                if (area instanceof Map<?, ?> a) {
                    text(a.get("name")).ifPresent(n -> named.putIfAbsent(n, text(a.get("description")).orElse(null)));
                }
            }
        }
        if (record.get("service_at_locations") instanceof List<?> links) {
            for (Object link : links) {
                if (link instanceof Map<?, ?> l && l.get("location") instanceof Map<?, ?> location
                        && location.get("addresses") instanceof List<?> addresses) {
                    for (Object address : addresses) {
                        if (address instanceof Map<?, ?> a) {
                            text(a.get("city")).ifPresent(c -> named.putIfAbsent(c, null));
                        }
                    }
                }
            }
        }
        Set<String> kept = new LinkedHashSet<>();
        ArrayNode out = JSON.createArrayNode();
        named.forEach((name, description) -> {
            if (MUNICIPALITY_CODE.matcher(name).matches() || matcher.match(ConceptMatcher.MUNICIPALITY, name).isPresent()) {
                return;
            }
            ObjectNode area = out.addObject().put("name", name);
            if (description != null) {
                area.put("description", description);
            }
            kept.add(name);
        });
        if (!out.isEmpty()) {
            service.set("areas", out);
            warnings.removeIf(w -> "municipalities".equals(w.field()) && w.value() != null && kept.contains(w.value()));
        }
    }

    private static Optional<String> text(Object value) {
        if (value == null || value instanceof Map || value instanceof List) {
            return Optional.empty();
        }
        String s = value.toString().strip();
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    private static Optional<BigDecimal> amount(Object value) {
        try {
            BigDecimal amount = value instanceof Number n ? new BigDecimal(n.toString()) : text(value).map(BigDecimal::new).orElse(null);
            return amount == null || amount.signum() < 0 ? Optional.empty() : Optional.of(amount);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isDateTime(String value) {
        try {
            OffsetDateTime.parse(value);
            return value.length() <= 40;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
