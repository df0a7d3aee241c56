package se.insatsnavet.hub.hsds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import se.insatsnavet.connectors.mapping.PhoneNumbers;
import se.insatsnavet.hub.http.Responses;
import se.insatsnavet.hub.linkeddata.ServicePage;
import se.insatsnavet.hub.services.ServiceCatalog;
import se.insatsnavet.schema.Vocabulary;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A published service (the hub's canonical JSON, as {@code /api/services} gives it) as an HSDS 3 service
 * object. Texts are given in Swedish, else English. Target groups and methods become {@code attributes} with
 * their taxonomy terms, municipalities {@code service_areas} (name, SCB URI), the contact point
 * {@code contacts} and {@code phones}, the provider the {@code organization}. Minimal: without the nested
 * objects, with {@code organization_id}. The Insatsnavet profile's fields ({@code uri}, {@code federation_id},
 * {@code referral}, {@code duration_months}; see {@code hsds-profile/README.md}) are given too. What the source
 * said beyond the canonical fields (an HSDS source's own objects, ids, costs, alert) is put back by
 * {@link HsdsSourceFields}.
 */
public final class HsdsServiceView {

    private static final Map<String, String> STATUS = Map.of(
            "active", "active", "planned", "inactive", "paused", "temporarily closed", "ended", "defunct");

    private final Vocabulary vocabulary;
    private final HsdsTaxonomies taxonomies;
    private final Function<JsonNode, String> organisationIri;

    /**
     * @param organisationIri the IRI of a canonical provider object (as the RDF conversion names it)
     */
    public HsdsServiceView(Vocabulary vocabulary, HsdsTaxonomies taxonomies, Function<JsonNode, String> organisationIri) {
        this.vocabulary = vocabulary;
        this.taxonomies = taxonomies;
        this.organisationIri = organisationIri;
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
        o.put("uri", uri);
        o.put("federation_id", item.path("federation").asText());
        JsonNode admission = item.path("admission");
        if (admission.has("referralRequired") || admission.has("selfReferral") || admission.has("referrers")) {
            ObjectNode referral = o.putObject("referral");
            if (admission.has("referralRequired")) {
                referral.put("required", admission.path("referralRequired").asBoolean());
            }
            if (admission.has("selfReferral")) {
                referral.put("self_referral", admission.path("selfReferral").asBoolean());
            }
            if (admission.has("referrers")) {
                referral.set("referrers", admission.path("referrers").deepCopy());
            }
        }
        if (item.path("duration").has("maxMonths")) {
            o.put("duration_months", item.path("duration").path("maxMonths").asInt());
        }
        if (item.hasNonNull("modified")) {
            o.put("last_modified", item.path("modified").asText());
        }
        if (item.hasNonNull("lastReviewed")) {
            o.put("assured_date", item.path("lastReviewed").asText());
        }
        if (!full) {
            HsdsSourceFields.apply(o, item, uri, false);
            return o;
        }
        ObjectNode org = o.putObject("organization");
        org.put("id", orgId);
        org.put("name", ServicePage.text(item.path("provider").path("name")));
        org.put("description", "");
        org.put("uri", organisationIri.apply(item.path("provider")));
        String phone = item.path("contact").path("phone").asText("");
        ArrayNode phones = o.putArray("phones");
        if (!phone.isEmpty()) {
            phones.add(phone(HsdsIds.of(uri, "phone"), item.path("contact")));
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
                contactPhones.add(phone(HsdsIds.of(uri, "contact-phone"), contact));
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
        ArrayNode atLocations = o.putArray("service_at_locations");
        for (JsonNode code : item.path("municipalities")) {
            atLocations.add(serviceAtLocation(uri, code.asText(), o.path("name").asText(), false));
        }
        HsdsSourceFields.apply(o, item, uri, true);
        return o;
    }

    /**
     * A service offered in a municipality as an HSDS service_at_location; with {@code service}, the service's
     * minimal object is nested too.
     */
    public ObjectNode serviceAtLocation(String serviceUri, String scb, String serviceName, boolean withServiceId) {
        ObjectNode o = Responses.object();
        o.put("id", HsdsServiceIndex.placeId(new ServiceCatalog.ServicePlace(serviceUri, scb)));
        if (withServiceId) {
            o.put("service_id", HsdsIds.of(serviceUri));
        }
        ObjectNode location = location(scb);
        o.put("location_id", location.path("id").asText());
        o.put("description", serviceName + " – " + location.path("name").asText());
        o.set("location", location);
        return o;
    }

    /**
     * A municipality as an HSDS location: the catalogue records where a service is offered per municipality
     * (SCB code as external identifier, the municipality's URI as url), not street addresses.
     */
    public ObjectNode location(String scb) {
        String iri = vocabulary.iri(Vocabulary.MUNICIPALITY, scb);
        ObjectNode o = Responses.object();
        o.put("id", HsdsIds.of(iri));
        o.put("location_type", "physical");
        o.put("url", iri);
        o.put("name", vocabulary.municipalityName(scb).orElse(scb));
        o.put("description", "Kommun (SCB-kod " + scb + ")");
        o.put("external_identifier", scb);
        o.put("external_identifier_type", "SCB kommunkod");
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

    /** The organization id of a service's provider: the UUID of the organisation's IRI. */
    String organizationId(JsonNode item) {
        return HsdsIds.of(organisationIri.apply(item.path("provider")));
    }

    /** An HSDS organization: an organisation that provides published services. */
    public ObjectNode organization(String iri, String name, long services) {
        ObjectNode o = Responses.object();
        o.put("id", HsdsIds.of(iri));
        o.put("name", name);
        o.put("description", name + " – " + services + (services == 1 ? " insats" : " insatser") + " i Insatsnavet");
        o.put("uri", iri);
        return o;
    }

    /**
     * An HSDS phone: {@code number} as the source wrote it, less a trailing extension that is given apart in
     * {@code extension} (a number in HSDS), when the hub found one.
     */
    private static ObjectNode phone(String id, JsonNode contact) {
        ObjectNode p = Responses.object().put("id", id);
        String extension = contact.path(PhoneNumbers.EXTENSION).asText(null);
        p.put("number", PhoneNumbers.withoutExtension(contact.path("phone").asText(), extension));
        if (extension != null) {
            p.put("extension", new BigInteger(extension));
        }
        return p;
    }

    private static void putText(ObjectNode o, String name, String value) {
        if (value != null && !value.isBlank()) {
            o.put(name, value);
        }
    }
}
