package se.insatsnavet.hub.guidance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import se.insatsnavet.schema.vocab.HubIris;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One published guidance article, as the store holds it (the canonical fields of {@code article.schema.json}).
 *
 * @param id           the article's id, {@code <federation>/<localId>}
 * @param federationId the federation that publishes it
 * @param localId      the source's id of it
 * @param kind         vagval, story, question or situation-guide
 * @param text         the text in standard Swedish, or {@code null}
 * @param easyText     the easy-to-read (lättläst) text, or {@code null}
 * @param question     a question's question, or {@code null}
 * @param answer       a question's answer, or {@code null}
 * @param steps        a situation guide's steps in order (empty for the other kinds)
 * @param services     local ids of the federation's services it is about
 * @param published    ISO date or {@code null}
 * @param modified     ISO date or {@code null}
 * @param url          its page at its source, or {@code null}
 * @param canonical    the canonical JSON it was read as (a copy is handed out)
 */
public record Article(String id, String federationId, String localId, String kind, String title, String text,
                      String easyText, String question, String answer, List<Step> steps, List<String> services,
                      List<String> targetGroups, List<String> methods, List<String> situations,
                      List<String> municipalities, String published, String modified, String url, ObjectNode canonical) {

    /** One step of a situation guide. */
    public record Step(String title, String text) {
    }

    public Article {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        steps = List.copyOf(steps);
        services = List.copyOf(services);
        targetGroups = List.copyOf(targetGroups);
        methods = List.copyOf(methods);
        situations = List.copyOf(situations);
        municipalities = List.copyOf(municipalities);
        canonical = canonical.deepCopy();
    }

    /** The article of federation {@code federationId} in canonical JSON. */
    public static Article of(String federationId, ObjectNode canonical) {
        String localId = canonical.path("id").asText();
        List<Step> steps = new ArrayList<>();
        canonical.path("steps").forEach(s -> steps.add(new Step(s.path("title").asText(), s.path("text").asText())));
        return new Article(HubIris.articleId(federationId, localId), federationId, localId, canonical.path("kind").asText(),
                canonical.path("title").asText(), text(canonical, "text"), text(canonical, "easyText"),
                text(canonical, "question"), text(canonical, "answer"), steps, list(canonical, "services"),
                list(canonical, "targetGroups"), list(canonical, "methods"), list(canonical, "situations"),
                list(canonical, "municipalities"), text(canonical, "published"), text(canonical, "modified"),
                text(canonical, "url"), canonical);
    }

    /** The ids ({@code <federation>.<localId>}) of the services it is about. */
    public List<String> serviceIds() {
        return services.stream().map(s -> HubIris.serviceId(federationId, s)).toList();
    }

    /** The canonical JSON (a copy). */
    @Override
    public ObjectNode canonical() {
        return canonical.deepCopy();
    }

    private static String text(JsonNode j, String field) {
        JsonNode v = j.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static List<String> list(JsonNode j, String field) {
        List<String> out = new ArrayList<>();
        j.path(field).forEach(v -> out.add(v.asText()));
        return out;
    }
}
