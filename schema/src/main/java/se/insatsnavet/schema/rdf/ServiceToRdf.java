package se.insatsnavet.schema.rdf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.VCARD4;
import org.apache.jena.vocabulary.XSD;
import se.insatsnavet.schema.Vocabulary;
import se.insatsnavet.schema.vocab.ADMS;
import se.insatsnavet.schema.vocab.CPSV;
import se.insatsnavet.schema.vocab.HubIris;
import se.insatsnavet.schema.vocab.INSV;
import se.insatsnavet.schema.vocab.M8G;
import se.insatsnavet.schema.vocab.PROV;
import se.insatsnavet.schema.vocab.TIME;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Canonical service JSON to RDF, the first half of {@link ServiceRdf}: the service, its hash sub-resources, its
 * competent authority, provenance, and the description of every code-list IRI it uses (copied from the
 * {@link Vocabulary} once per IRI and kept, since the reference data does not change). Thread-safe.
 */
final class ServiceToRdf {

    private static final Map<String, String> OUTPUT_TITLE = Map.of("sv", "Resultat för deltagaren", "en", "Outcome for the participant");

    private final HubIris iris;
    private final Vocabulary vocabulary;
    private final SourceDetailsRdf sourceDetails;
    /** The reference triples {@link #describe} copies, by reference IRI (the vocabulary does not change). */
    private final Map<String, List<Triple>> references = new ConcurrentHashMap<>();

    ServiceToRdf(HubIris iris, Vocabulary vocabulary, SourceDetailsRdf sourceDetails) {
        this.iris = iris;
        this.vocabulary = vocabulary;
        this.sourceDetails = sourceDetails;
    }

    /**
     * The RDF of one canonical service (already valid against {@code service.schema.json}). The model holds
     * only triples about the service, its hash sub-resources, its competent authority and the descriptions
     * of the code-list IRIs it uses.
     *
     * @throws IllegalArgumentException if the context's IRIs differ from this converter's or an id is invalid
     */
    Model toRdf(ObjectNode canonicalService, ServiceContext ctx) {
        if (!ctx.iris().equals(iris)) {
            throw new IllegalArgumentException("context IRIs " + ctx.iris() + " differ from converter's " + iris);
        }
        JsonNode j = canonicalService;
        String localId = text(j, "localId").orElseThrow(() -> new IllegalArgumentException("localId missing"));
        String serviceId = HubIris.serviceId(ctx.federationId(), localId);

        Model m = ModelFactory.createDefaultModel();
        prefixes(m);
        Resource s = m.createResource(iris.service(serviceId), CPSV.PublicService);
        s.addProperty(DCTerms.identifier, serviceId);
        s.addProperty(INSV.sourceRecord, localId);
        langs(s, DCTerms.title, j.get("title"));
        langs(s, DCTerms.description, j.get("description"));
        for (JsonNode k : iterable(j.get("keywords"))) {
            s.addProperty(DCAT.keyword, k.asText(), "sv");
        }
        concept(s, ADMS.status, Vocabulary.STATUS, text(j, "status").orElse(ServiceRdf.DEFAULT_STATUS));

        // provider → competent authority
        JsonNode p = j.get("provider");
        if (p != null && p.isObject()) {
            s.addProperty(M8G.hasCompetentAuthority, organisation(m, p, j));
        }

        for (JsonNode tg : iterable(j.get("targetGroups"))) {
            Resource c = concept(s, INSV.targetGroup, Vocabulary.TARGET_GROUP, tg.asText());
            s.addProperty(DCTerms.audience, c);
        }
        JsonNode age = j.get("ageRange");
        integer(s, INSV.minAge, age, "min");
        integer(s, INSV.maxAge, age, "max");
        for (JsonNode me : iterable(j.get("methods"))) {
            concept(s, INSV.method, Vocabulary.METHOD, me.asText());
        }
        for (JsonNode mu : iterable(j.get("municipalities"))) {
            s.addProperty(DCTerms.spatial, place(m, Vocabulary.MUNICIPALITY, mu.asText()));
        }
        for (JsonNode r : iterable(j.get("regions"))) {
            s.addProperty(DCTerms.spatial, place(m, Vocabulary.COUNTY, r.asText()));
        }

        JsonNode adm = j.get("admission");
        if (adm != null && adm.isObject()) {
            bool(s, INSV.referralRequired, adm, "referralRequired");
            bool(s, INSV.selfReferral, adm, "selfReferral");
            for (JsonNode ref : iterable(adm.get("referrers"))) {
                concept(s, INSV.mayBeReferredBy, Vocabulary.PROVIDER_TYPE, ref.asText());
            }
            int n = 0;
            for (JsonNode crit : iterable(adm.get("criteria"))) {
                String frag = ServiceRdf.CRITERION + (++n);
                Resource r = m.createResource(iris.serviceFragment(serviceId, frag), M8G.Requirement);
                r.addProperty(DCTerms.identifier, serviceId + "#" + frag);
                langs(r, DCTerms.title, crit);
                s.addProperty(M8G.holdsRequirement, r);
            }
            if (adm.has("howToApply")) {
                Resource ch = m.createResource(iris.serviceFragment(serviceId, ServiceRdf.CHANNEL_APPLY), M8G.Channel);
                ch.addProperty(DCTerms.identifier, serviceId + "#" + ServiceRdf.CHANNEL_APPLY);
                langs(ch, DCTerms.description, adm.get("howToApply"));
                s.addProperty(M8G.hasChannel, ch);
            }
        }

        JsonNode dur = j.get("duration");
        integer(s, INSV.maxDurationMonths, dur, "maxMonths");
        integer(s, INSV.extensionMonths, dur, "extensionMonths");
        if (dur != null) {
            langs(s, INSV.durationText, dur.get("text"));
        }
        JsonNode cap = j.get("capacity");
        integer(s, INSV.placesPerYear, cap, "placesPerYear");
        if (cap != null) {
            langs(s, INSV.capacityText, cap.get("text"));
        }

        JsonNode period = j.get("period");
        if (period != null && period.isObject() && (period.has("start") || period.has("end"))) {
            Resource pt = m.createResource(iris.serviceFragment(serviceId, ServiceRdf.PERIOD), DCTerms.PeriodOfTime);
            text(period, "start").ifPresent(d -> pt.addProperty(DCAT.startDate, m.createTypedLiteral(d, XSDDatatype.XSDdate)));
            text(period, "end").ifPresent(d -> pt.addProperty(DCAT.endDate, m.createTypedLiteral(d, XSDDatatype.XSDdate)));
            s.addProperty(DCTerms.temporal, pt);
        }

        for (JsonNode f : iterable(j.get("funding"))) {
            concept(s, INSV.funding, Vocabulary.FUNDING, f.asText());
        }

        JsonNode contact = j.get("contact");
        if (contact != null && contact.isObject() && !contact.isEmpty()) {
            Resource cp = m.createResource(iris.serviceFragment(serviceId, ServiceRdf.CONTACT), M8G.ContactPoint);
            text(contact, "name").ifPresent(v -> cp.addProperty(VCARD4.fn, v));
            text(contact, "email").ifPresent(v -> cp.addProperty(M8G.email, v));
            text(contact, "phone").ifPresent(v -> cp.addProperty(M8G.telephone, v));
            text(contact, "phoneE164").ifPresent(v -> cp.addProperty(VCARD4.hasTelephone,
                    m.createResource(ServiceRdf.telIri(v, text(contact, "phoneExtension").orElse(null)))));
            text(contact, "url").ifPresent(v -> cp.addProperty(M8G.contactPage, m.createResource(v, FOAF.Document)));
            text(contact, "openingHours").ifPresent(v -> {
                Resource oh = m.createResource(iris.serviceFragment(serviceId, ServiceRdf.OPENING_HOURS), TIME.TemporalEntity);
                oh.addProperty(DCTerms.description, v, "sv");
                cp.addProperty(M8G.openingHours, oh);
            });
            s.addProperty(M8G.contactPoint, cp);
        }
        text(j, "homepage").ifPresent(v -> s.addProperty(FOAF.homepage, m.createResource(v, FOAF.Document)));
        for (JsonNode l : iterable(j.get("languages"))) {
            s.addProperty(DCTerms.language, m.createResource(HubIris.language(l.asText()), DCTerms.LinguisticSystem));
        }
        JsonNode output = j.get("output");
        if (output != null && output.isObject()) {
            Resource o = m.createResource(iris.serviceFragment(serviceId, ServiceRdf.OUTPUT), M8G.Output);
            o.addProperty(DCTerms.identifier, serviceId + "#" + ServiceRdf.OUTPUT);
            OUTPUT_TITLE.forEach((lang, t) -> o.addProperty(DCTerms.title, t, lang));
            langs(o, DCTerms.description, output);
            s.addProperty(CPSV.produces, o);
        }
        text(j, "lastReviewed").ifPresent(d -> s.addProperty(INSV.lastReviewed, m.createTypedLiteral(d, XSDDatatype.XSDdate)));
        sourceDetails.toRdf(m, s, serviceId, j);
        if (p != null && p.isObject() && !s.getPropertyResourceValue(M8G.hasCompetentAuthority).hasProperty(DCTerms.spatial)) {
            // a service offered only in places outside Sweden: its provider covers those places
            Resource org = s.getPropertyResourceValue(M8G.hasCompetentAuthority);
            sourceDetails.areas(s).forEach(area -> org.addProperty(DCTerms.spatial, area));
        }

        // provenance
        s.addProperty(INSV.federation, ctx.federationId());
        s.addProperty(INSV.source, ctx.sourceId());
        s.addProperty(PROV.wasGeneratedBy, m.createResource(iris.importRun(ctx.federationId(), ctx.runId()), PROV.Activity));
        s.addProperty(DCTerms.modified, m.createTypedLiteral(ctx.modified().toString(), XSDDatatype.XSDdateTime));
        return m;
    }

    /** The IRI of a canonical provider: its id, else a slug of its name (Swedish, else the first language). */
    String organisationIri(JsonNode provider) {
        return iris.organisation(text(provider, "id").orElseGet(() -> HubIris.slug(primaryText(provider.get("name")))));
    }

    private Resource organisation(Model m, JsonNode p, JsonNode service) {
        JsonNode name = p.get("name");
        Optional<String> id = text(p, "id");
        Resource org = m.createResource(organisationIri(p), M8G.PublicOrganisation);
        langs(org, SKOS.prefLabel, name);
        langs(org, FOAF.name, name);
        id.ifPresent(v -> org.addProperty(DCTerms.identifier, v));
        text(p, "type").ifPresent(t -> concept(org, DCTerms.type, Vocabulary.PROVIDER_TYPE, t));
        Optional<String> muni = text(p, "municipality");
        if (muni.isPresent()) {
            org.addProperty(DCTerms.spatial, place(m, Vocabulary.MUNICIPALITY, muni.get()));
        } else {
            // CPSV-AP requires the organisation's spatial coverage: fall back to the counties the service covers
            TreeSet<String> counties = new TreeSet<>();
            for (JsonNode mu : iterable(service.get("municipalities"))) {
                counties.add(HubIris.countyCodeOfMunicipality(mu.asText()));
            }
            for (JsonNode r : iterable(service.get("regions"))) {
                counties.add(r.asText());
            }
            counties.forEach(c -> org.addProperty(DCTerms.spatial, place(m, Vocabulary.COUNTY, c)));
        }
        return org;
    }

    /** Adds {@code s p <concept>} and the concept's description (type, scheme, notation, labels). */
    private Resource concept(Resource s, Property p, String scheme, String code) {
        Resource c = describe(s.getModel(), vocabulary.iri(scheme, code));
        s.addProperty(p, c);
        return c;
    }

    private Resource place(Model m, String scheme, String code) {
        return describe(m, vocabulary.iri(scheme, code));
    }

    /** Copies rdf:type, skos:inScheme, skos:notation, skos:prefLabel of a reference IRI into {@code m}. */
    private Resource describe(Model m, String iri) {
        List<Triple> triples = references.get(iri);
        if (triples == null) {
            triples = referenceTriples(iri);
            if (!triples.isEmpty()) {
                // only IRIs of the (fixed) reference data are kept: as many as it has concepts and places
                references.putIfAbsent(iri, triples);
            }
        }
        Graph graph = m.getGraph();
        triples.forEach(graph::add);
        return m.createResource(iri);
    }

    /** The triples {@link #describe} copies for a reference IRI, read from the vocabulary once per IRI. */
    private List<Triple> referenceTriples(String iri) {
        Model m = ModelFactory.createDefaultModel();
        Resource target = m.createResource(iri);
        Resource ref = vocabulary.model().createResource(iri);
        for (Property p : List.of(RDF.type, SKOS.inScheme, SKOS.notation, SKOS.prefLabel)) {
            ref.listProperties(p).forEachRemaining(st -> target.addProperty(p, st.getObject()));
        }
        // schemes used must be typed too (skos:inScheme's range)
        ref.listProperties(SKOS.inScheme).forEachRemaining(st -> {
            Resource scheme = m.createResource(st.getResource().getURI());
            st.getResource().listProperties(RDF.type).forEachRemaining(t -> scheme.addProperty(RDF.type, t.getObject()));
        });
        return List.copyOf(m.getGraph().find().toList());
    }

    private static void prefixes(Model m) {
        m.setNsPrefix("cpsv", CPSV.NS);
        m.setNsPrefix("m8g", M8G.NS);
        m.setNsPrefix("insv", INSV.NS);
        m.setNsPrefix("dct", DCTerms.NS);
        m.setNsPrefix("dcat", DCAT.NS);
        m.setNsPrefix("skos", SKOS.uri);
        m.setNsPrefix("adms", ADMS.NS);
        m.setNsPrefix("prov", PROV.NS);
        m.setNsPrefix("foaf", FOAF.NS);
        m.setNsPrefix("vcard", VCARD4.NS);
        m.setNsPrefix("time", TIME.NS);
        m.setNsPrefix("xsd", XSD.NS);
    }

    private static void langs(Resource r, Property p, JsonNode textMap) {
        if (textMap == null || !textMap.isObject()) {
            return;
        }
        textMap.properties().forEach(e -> r.addProperty(p, e.getValue().asText(), e.getKey()));
    }

    private static void integer(Resource r, Property p, JsonNode obj, String field) {
        if (obj != null && obj.has(field) && obj.get(field).canConvertToLong()) {
            r.addProperty(p, r.getModel().createTypedLiteral(obj.get(field).asText(), XSDDatatype.XSDinteger));
        }
    }

    private static void bool(Resource r, Property p, JsonNode obj, String field) {
        if (obj.has(field) && obj.get(field).isBoolean()) {
            r.addLiteral(p, obj.get(field).booleanValue());
        }
    }

    private static String primaryText(JsonNode textMap) {
        if (textMap == null || !textMap.isObject() || textMap.isEmpty()) {
            throw new IllegalArgumentException("provider.name missing");
        }
        if (textMap.has("sv")) {
            return textMap.get("sv").asText();
        }
        return new TreeMap<>(toMap(textMap)).firstEntry().getValue();
    }

    private static Map<String, String> toMap(JsonNode textMap) {
        Map<String, String> out = new TreeMap<>();
        textMap.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    private static Optional<String> text(JsonNode obj, String field) {
        JsonNode v = obj == null ? null : obj.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }

    private static Iterable<JsonNode> iterable(JsonNode array) {
        return array != null && array.isArray() ? array : List.of();
    }
}
