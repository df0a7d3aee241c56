package se.insatsnavet.hub.linkeddata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.function.BiFunction;

/**
 * A service as schema.org JSON-LD, following SEMIC's CPSV-AP → schema.org alignment: cpsv:PublicService →
 * {@code GovernmentService}, competent authority → {@code provider}, dct:spatial → {@code areaServed},
 * target groups → {@code audience}, contact point and channels → {@code availableChannel}. Embedded in
 * the HTML page (where search engines read it) and served as its own representation.
 */
public final class SchemaOrg {

    private final BiFunction<String, String, String> labels;

    /** @param labels (scheme, code) → Swedish label, as for {@link ServicePage} */
    public SchemaOrg(BiFunction<String, String, String> labels) {
        this.labels = labels;
    }

    public ObjectNode of(String serviceUri, JsonNode s) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        o.put("@context", "https://schema.org");
        o.put("@type", "GovernmentService");
        o.put("@id", serviceUri);
        o.put("name", ServicePage.text(s.path("title")));
        String description = ServicePage.text(s.path("description"));
        if (!description.isEmpty()) {
            o.put("description", description);
        }
        o.put("inLanguage", "sv");
        if (s.hasNonNull("homepage")) {
            o.put("url", s.path("homepage").asText());
        }
        if (s.has("provider")) {
            JsonNode p = s.path("provider");
            ObjectNode provider = o.putObject("provider");
            provider.put("@type", "GovernmentOrganization");
            provider.put("name", ServicePage.text(p.path("name")));
        }
        ArrayNode areas = f.arrayNode();
        for (JsonNode m : s.path("municipalities")) {
            areas.addObject().put("@type", "AdministrativeArea").put("name", label("municipality", m.asText()))
                    .put("identifier", m.asText());
        }
        for (JsonNode r : s.path("regions")) {
            areas.addObject().put("@type", "AdministrativeArea").put("name", label("county", r.asText()))
                    .put("identifier", r.asText());
        }
        if (!areas.isEmpty()) {
            o.set("areaServed", areas);
        }
        ArrayNode audiences = f.arrayNode();
        for (JsonNode t : s.path("targetGroups")) {
            ObjectNode a = audiences.addObject().put("@type", "PeopleAudience").put("audienceType", label("target-group", t.asText()));
            if (s.path("ageRange").has("min")) {
                a.put("suggestedMinAge", s.path("ageRange").path("min").asInt());
            }
            if (s.path("ageRange").has("max")) {
                a.put("suggestedMaxAge", s.path("ageRange").path("max").asInt());
            }
        }
        if (!audiences.isEmpty()) {
            o.set("audience", audiences);
        }
        JsonNode c = s.path("contact");
        if (!c.isMissingNode()) {
            ObjectNode channel = o.putObject("availableChannel");
            channel.put("@type", "ServiceChannel");
            if (c.hasNonNull("url")) {
                channel.put("serviceUrl", c.path("url").asText());
            }
            if (c.hasNonNull("phone") || c.hasNonNull("email") || c.hasNonNull("name")) {
                ObjectNode point = channel.putObject("servicePhone").put("@type", "ContactPoint");
                if (c.hasNonNull("phone")) {
                    point.put("telephone", c.path("phone").asText());
                }
                if (c.hasNonNull("email")) {
                    point.put("email", c.path("email").asText());
                }
                if (c.hasNonNull("name")) {
                    point.put("name", c.path("name").asText());
                }
            }
        }
        return o;
    }

    /** The JSON-LD for a {@code <script type="application/ld+json">} element: "</" can never close it. */
    public static String forScriptElement(ObjectNode jsonLd) {
        return jsonLd.toString().replace("</", "<\\/").replace("<!--", "<\\!--");
    }

    private String label(String scheme, String code) {
        String l = labels.apply(scheme, code);
        return l == null ? code : l;
    }
}
