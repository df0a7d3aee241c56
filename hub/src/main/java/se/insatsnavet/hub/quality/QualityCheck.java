package se.insatsnavet.hub.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import se.insatsnavet.connectors.mapping.PhoneNumbers;
import se.insatsnavet.hub.http.Responses;
import se.insatsnavet.hub.linkcheck.LinkResult;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The quality of one published service: which recommended fields it lacks (beyond what the JSON Schema and
 * SHACL shapes already require), whether it is fresh (reviewed within 12 months by its source's date, or, without
 * one, changed within 12 months), whether its contact details are well-formed (a phone number as
 * {@link PhoneNumbers} reads it at import), whether its web addresses answer (when its federation switched the link
 * check on), and plain-language hints (very long sentences). A score from 0 to 100 with
 * every reason that lowered it.
 */
public final class QualityCheck {

    /** Recommended fields: name → present? */
    static final Map<String, Predicate<JsonNode>> RECOMMENDED = recommended();
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[a-z]{2,}$", Pattern.CASE_INSENSITIVE);
    private static final Pattern URL = Pattern.compile("^https?://[^\\s/$.?#].[^\\s]*$");
    private static final int LONG_SENTENCE_WORDS = 35;

    private final Clock clock;

    public QualityCheck(Clock clock) {
        this.clock = clock;
    }

    /** The score and reasons of a service (an item of {@code /api/services}). */
    public ObjectNode check(JsonNode s) {
        return check(s, url -> null);
    }

    /**
     * The score and reasons of a service, with what the link check found for its web addresses
     * ({@code links}: address → result, null when not checked): each unreachable address costs 10 points.
     */
    public ObjectNode check(JsonNode s, Function<String, LinkResult> links) {
        List<String> reasons = new ArrayList<>();
        int missing = 0;
        for (Map.Entry<String, Predicate<JsonNode>> field : RECOMMENDED.entrySet()) {
            if (!field.getValue().test(s)) {
                missing++;
                reasons.add("missing " + field.getKey());
            }
        }
        int score = 100 - missing * 60 / RECOMMENDED.size();
        String staleness = staleness(s);
        boolean stale = staleness != null;
        if (stale) {
            score -= 20;
            reasons.add(staleness);
        }
        JsonNode contact = s.path("contact");
        if (contact.hasNonNull("email") && !EMAIL.matcher(contact.path("email").asText()).matches()) {
            score -= 10;
            reasons.add("contact.email is not a well-formed address");
        }
        if (contact.hasNonNull("phone") && !contact.hasNonNull(PhoneNumbers.E164)
                && !PhoneNumbers.read(contact.path("phone").asText(), null).valid()) {
            score -= 10;
            reasons.add("contact.phone is not a well-formed number");
        }
        if (s.hasNonNull("homepage") && !URL.matcher(s.path("homepage").asText()).matches()) {
            score -= 10;
            reasons.add("homepage is not a well-formed URL");
        }
        ArrayNode checked = Responses.JSON.createArrayNode();
        for (String field : new String[] {"homepage", "contact.url"}) {
            JsonNode url = field.equals("homepage") ? s.path("homepage") : contact.path("url");
            LinkResult r = url.isTextual() ? links.apply(url.asText().trim()) : null;
            if (r == null) {
                continue;
            }
            ObjectNode c = checked.addObject().put("field", field).put("url", r.url()).put("outcome", r.outcome());
            if (r.status() != null) {
                c.put("status", r.status());
            }
            c.put("checkedAt", r.checkedAt().toString());
            if (!r.reachable()) {
                score -= 10;
                reasons.add(field + " is not reachable: " + r.detail());
            }
        }
        if (PlainLanguage.hasLongSentence(s.path("description").path("sv").asText(""), LONG_SENTENCE_WORDS)) {
            score -= 5;
            reasons.add("the description has a sentence of more than " + LONG_SENTENCE_WORDS + " words (plain language)");
        }
        ObjectNode out = Responses.object();
        out.put("id", s.path("id").asText());
        out.put("title", s.path("title").path("sv").asText(s.path("title").elements().hasNext()
                ? s.path("title").elements().next().asText() : ""));
        out.put("score", Math.max(0, score));
        out.put("stale", stale);
        reasons.forEach(out.putArray("reasons")::add);
        if (!checked.isEmpty()) {
            out.set("links", checked);
        }
        return out;
    }

    /**
     * Why a service is stale, or null when it is not. Freshness comes from the source: its {@code lastReviewed}
     * (HSDS {@code assured_date}) when it has one, older than 12 months is stale, however recently the hub
     * imported it. Only a service without a review date falls back on when its content last changed in the hub
     * ({@code modified}: a run that finds it unchanged does not touch it), and its reason says so.
     */
    private String staleness(JsonNode s) {
        Instant limit = clock.instant().minusSeconds(365L * 24 * 3600);
        if (s.hasNonNull("lastReviewed")) {
            String day = s.path("lastReviewed").asText();
            Instant reviewed = LocalDate.parse(day.substring(0, Math.min(10, day.length()))).atStartOfDay(ZoneOffset.UTC).toInstant();
            return reviewed.isBefore(limit) ? NOT_REVIEWED + ": " + day.substring(0, Math.min(10, day.length())) : null;
        }
        if (!s.hasNonNull("modified")) {
            return NOT_CHANGED;
        }
        Instant modified = Instant.parse(s.path("modified").asText());
        return modified.isBefore(limit) ? NOT_CHANGED + ": " + modified.toString().substring(0, 10) : null;
    }

    /** A stale service's reason when its source gave a review date (then: that date). */
    static final String NOT_REVIEWED = "not reviewed for more than 12 months";
    /** A stale service's reason when its source gave no review date (then: when its content last changed). */
    static final String NOT_CHANGED = "no review date, and not changed for more than 12 months";

    private static Map<String, Predicate<JsonNode>> recommended() {
        Map<String, Predicate<JsonNode>> m = new LinkedHashMap<>();
        m.put("description", s -> s.path("description").size() > 0);
        m.put("provider.type", s -> s.path("provider").hasNonNull("type"));
        m.put("targetGroups", s -> s.path("targetGroups").size() > 0);
        m.put("ageRange", s -> s.path("ageRange").size() > 0);
        m.put("methods", s -> s.path("methods").size() > 0);
        m.put("admission (how to apply or referral)", s -> s.path("admission").size() > 0);
        m.put("contact (email or phone)", s -> s.path("contact").hasNonNull("email") || s.path("contact").hasNonNull("phone"));
        m.put("homepage", s -> s.hasNonNull("homepage"));
        m.put("lastReviewed", s -> s.hasNonNull("lastReviewed"));
        m.put("languages", s -> s.path("languages").size() > 0);
        return Collections.unmodifiableMap(m);
    }
}
