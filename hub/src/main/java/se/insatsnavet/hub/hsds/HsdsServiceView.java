package se.insatsnavet.hub.hsds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import se.insatsnavet.hub.http.Responses;
import se.insatsnavet.hub.linkeddata.ServicePage;
import se.insatsnavet.schema.Vocabulary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A published service (the hub's canonical JSON, as {@code /api/services} gives it) as an HSDS 3 service
 * object. Texts are given in Swedish, else English. Target groups and methods become {@code attributes} with
 * their taxonomy terms, municipalities {@code service_areas} (name, SCB URI), the contact point
 * {@code contacts} and {@code phones}, the provider the {@code organization}. Minimal: without the nested
 * objects, with {@code organization_id}.
 */
public final class HsdsServiceView {

    private static final Map<String, String> STATUS = Map.of(
            "active", "active", "planned", "inactive", "paused", "temporarily closed", "ended", "defunct");

    private final Vocabulary vocabulary;
    private final HsdsTaxonomies taxonomies;

    public HsdsServiceView(Vocabulary vocabulary, HsdsTaxonomies taxonomies) {
        this.vocabulary = vocabulary;
        this.taxonomies = taxonomies;
    }

    /** The HSDS service of an item of the hub's service list ({@code id}, {@code uri} and canonical fields). */
    public ObjectNode service(JsonNode item, boolean full) {
        String uri = item.path("uri").asText();
        ObjectNode o = Responses.object();
        o.put("id", HsdsIds.of(uri));
        String orgId = organizationId(item);
        o.put("organization_id", orgId);
        o.put("name", ServicePage.text(item.path("title")));
        putText(o, "description", ServicePage.text(item.path("description")));
        putText(o, "url", item.path("homepage").asText(""));
        putText(o, "email", item.path("contact").path("email").asText(""));
        o.put("status", STATUS.getOrDefault(item.path("status").asText("active"), "active"));
        putText(o, "application_process", ServicePage.text(item.path("admission").path("howToApply")));
        List<String> criteria = new ArrayList<>();
        item.path("admission").path("criteria").forEach(c -> criteria.add(ServicePage.text(c)));
        putText(o, "eligibility_description", String.join("; ", criteria));
        if (item.path("ageRange").has("min")) {
            o.put("minimum_age", item.path("ageRange").path("min").asInt());
        }
        if (item.path("ageRange").has("max")) {
            o.put("maximum_age", item.path("ageRange").path("max").asInt());
        }
        if (item.hasNonNull("lastReviewed")) {
            o.put("last_modified", item.path("lastReviewed").asText() + "T00:00:00.000Z");
        }
        if (!full) {
            return o;
        }
        ObjectNode org = o.putObject("organization");
        org.put("id", orgId);
        org.put("name", ServicePage.text(item.path("provider").path("name")));
        org.put("description", "");
        String phone = item.path("contact").path("phone").asText("");
        ArrayNode phones = o.putArray("phones");
        if (!phone.isEmpty()) {
            phones.addObject().put("id", HsdsIds.of(uri, "phone")).put("number", phone);
        }
        ArrayNode areas = o.putArray("service_areas");
        for (JsonNode code : item.path("municipalities")) {
            String scb = code.asText();
            areas.addObject().put("id", HsdsIds.of(uri, "area/" + scb))
                    .put("name", vocabulary.municipalityName(scb).orElse(scb))
                    .put("uri", vocabulary.iri(Vocabulary.MUNICIPALITY, scb));
        }
        ArrayNode languages = o.putArray("languages");
        for (JsonNode code : item.path("languages")) {
            languages.addObject().put("id", HsdsIds.of(uri, "language/" + code.asText())).put("code", code.asText());
        }
        ArrayNode contacts = o.putArray("contacts");
        JsonNode contact = item.path("contact");
        if (contact.isObject() && !contact.isEmpty()) {
            ObjectNode c = contacts.addObject().put("id", HsdsIds.of(uri, "contact"));
            putText(c, "name", contact.path("name").asText(""));
            putText(c, "email", contact.path("email").asText(""));
            ArrayNode contactPhones = c.putArray("phones");
            if (!phone.isEmpty()) {
                contactPhones.addObject().put("id", HsdsIds.of(uri, "contact-phone")).put("number", phone);
            }
        }
        ArrayNode schedules = o.putArray("schedules");
        String hours = contact.path("openingHours").asText("");
        if (!hours.isEmpty()) {
            schedules.addObject().put("id", HsdsIds.of(uri, "schedule")).put("description", hours);
        }
        ArrayNode attributes = o.putArray("attributes");
        addAttributes(attributes, uri, item.path("targetGroups"), Vocabulary.TARGET_GROUP);
        addAttributes(attributes, uri, item.path("methods"), Vocabulary.METHOD);
        o.putArray("service_at_locations");
        return o;
    }

    private void addAttributes(ArrayNode attributes, String uri, JsonNode codes, String scheme) {
        for (JsonNode code : codes) {
            ObjectNode term = taxonomies.termJson(scheme, code.asText());
            ObjectNode a = attributes.addObject();
            a.put("id", HsdsIds.of(uri, "attribute/" + scheme + "/" + code.asText()));
            a.put("taxonomy_term_id", term.path("id").asText());
            a.set("taxonomy_term", term);
            a.put("value", code.asText());
        }
    }

    /** The organization id of a service's provider: the UUID of its federation and provider id (or name). */
    static String organizationId(JsonNode item) {
        JsonNode provider = item.path("provider");
        String key = provider.hasNonNull("id") ? provider.path("id").asText() : ServicePage.text(provider.path("name"));
        return HsdsIds.of("urn:insatsnavet:organisation:" + item.path("federation").asText() + ":" + key);
    }

    private static void putText(ObjectNode o, String name, String value) {
        if (value != null && !value.isBlank()) {
            o.put(name, value);
        }
    }
}
