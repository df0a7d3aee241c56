package se.insatsnavet.schema.rdf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
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

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Canonical service JSON ({@code service.schema.json}) ⇄ RDF in the Insatsnavet vocabulary (CPSV-AP 3.2.0 +
 * {@code insv:}). See {@code schema/README.md} for the field-by-field mapping. Rules:
 * <ul>
 *   <li>no blank nodes: a service's sub-resources have hash IRIs under its IRI ({@code <service>#contact},
 *       {@code #criterion-1}, {@code #channel-apply}, {@code #period}, {@code #output}, {@code #opening-hours});</li>
 *   <li>every code-list IRI used as an object (concepts, places, provider type, languages, contact page) is
 *       described in the output (type, scheme, notation, prefLabel copied from the {@link Vocabulary}), so
 *       the result conforms to the official CPSV-AP shapes without the reference graph;</li>
 *   <li>set-valued arrays (codes, municipalities, regions, keywords, languages) have no order in RDF:
 *       {@link #fromRdf} returns them sorted; admission criteria keep their order (criterion-N);</li>
 *   <li>a missing {@code status} is written as the schema default {@code active}.</li>
 * </ul>
 * Thread-safe.
 */
public final class ServiceRdf {

    /** Status written when the canonical service has none (the JSON Schema default). */
    public static final String DEFAULT_STATUS = "active";

    static final String CONTACT = "contact";
    static final String OPENING_HOURS = "opening-hours";
    static final String CHANNEL_APPLY = "channel-apply";
    static final String PERIOD = "period";
    static final String OUTPUT = "output";
    static final String CRITERION = "criterion-";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** A {@code tel:} IRI as {@link #telIri} writes it: E.164 number, extension. */
    private static final Pattern TEL = Pattern.compile("tel:(\\+[0-9]+)(?:;ext=([0-9]+))?");
    private static final Map<String, String> OUTPUT_TITLE = Map.of("sv", "Resultat för deltagaren", "en", "Outcome for the participant");

    private final HubIris iris;
    private final Vocabulary vocabulary;
    private final SourceDetailsRdf sourceDetails;
    /** The reference triples {@link #describe} copies, by reference IRI (the vocabulary does not change). */
    private final Map<String, List<org.apache.jena.graph.Triple>> references = new java.util.concurrent.ConcurrentHashMap<>();

    private ServiceRdf(HubIris iris) {
        this.iris = iris;
        this.vocabulary = Vocabulary.load(iris);
        this.sourceDetails = new SourceDetailsRdf(iris);
    }

    /** The converter for the hub's IRIs. */
    public static ServiceRdf of(HubIris iris) {
        return new ServiceRdf(iris);
    }

    public HubIris iris() {
        return iris;
    }

    // =================================================================================== JSON → RDF

    /**
     * The RDF of one canonical service (already valid against {@code service.schema.json}). The model holds
     * only triples about the service, its hash sub-resources, its competent authority and the descriptions
     * of the code-list IRIs it uses.
     *
     * @throws IllegalArgumentException if the context's IRIs differ from this converter's or an id is invalid
     */
    public Model toRdf(ObjectNode canonicalService, ServiceContext ctx) {
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
        concept(s, ADMS.status, Vocabulary.STATUS, text(j, "status").orElse(DEFAULT_STATUS));

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
                String frag = CRITERION + (++n);
                Resource r = m.createResource(iris.serviceFragment(serviceId, frag), M8G.Requirement);
                r.addProperty(DCTerms.identifier, serviceId + "#" + frag);
                langs(r, DCTerms.title, crit);
                s.addProperty(M8G.holdsRequirement, r);
            }
            if (adm.has("howToApply")) {
                Resource ch = m.createResource(iris.serviceFragment(serviceId, CHANNEL_APPLY), M8G.Channel);
                ch.addProperty(DCTerms.identifier, serviceId + "#" + CHANNEL_APPLY);
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
            Resource pt = m.createResource(iris.serviceFragment(serviceId, PERIOD), DCTerms.PeriodOfTime);
            text(period, "start").ifPresent(d -> pt.addProperty(DCAT.startDate, m.createTypedLiteral(d, XSDDatatype.XSDdate)));
            text(period, "end").ifPresent(d -> pt.addProperty(DCAT.endDate, m.createTypedLiteral(d, XSDDatatype.XSDdate)));
            s.addProperty(DCTerms.temporal, pt);
        }

        for (JsonNode f : iterable(j.get("funding"))) {
            concept(s, INSV.funding, Vocabulary.FUNDING, f.asText());
        }

        JsonNode contact = j.get("contact");
        if (contact != null && contact.isObject() && !contact.isEmpty()) {
            Resource cp = m.createResource(iris.serviceFragment(serviceId, CONTACT), M8G.ContactPoint);
            text(contact, "name").ifPresent(v -> cp.addProperty(VCARD4.fn, v));
            text(contact, "email").ifPresent(v -> cp.addProperty(M8G.email, v));
            text(contact, "phone").ifPresent(v -> cp.addProperty(M8G.telephone, v));
            text(contact, "phoneE164").ifPresent(v -> cp.addProperty(VCARD4.hasTelephone,
                    m.createResource(telIri(v, text(contact, "phoneExtension").orElse(null)))));
            text(contact, "url").ifPresent(v -> cp.addProperty(M8G.contactPage, m.createResource(v, FOAF.Document)));
            text(contact, "openingHours").ifPresent(v -> {
                Resource oh = m.createResource(iris.serviceFragment(serviceId, OPENING_HOURS), TIME.TemporalEntity);
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
            Resource o = m.createResource(iris.serviceFragment(serviceId, OUTPUT), M8G.Output);
            o.addProperty(DCTerms.identifier, serviceId + "#" + OUTPUT);
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
    public String organisationIri(JsonNode provider) {
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
        List<org.apache.jena.graph.Triple> triples = references.get(iri);
        if (triples == null) {
            triples = referenceTriples(iri);
            if (!triples.isEmpty()) {
                // only IRIs of the (fixed) reference data are kept: as many as it has concepts and places
                references.putIfAbsent(iri, triples);
            }
        }
        org.apache.jena.graph.Graph graph = m.getGraph();
        triples.forEach(graph::add);
        return m.createResource(iri);
    }

    /** The triples {@link #describe} copies for a reference IRI, read from the vocabulary once per IRI. */
    private List<org.apache.jena.graph.Triple> referenceTriples(String iri) {
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

    /** The {@code tel:} IRI (RFC 3966) of a number's E.164 form and extension (may be null). */
    static String telIri(String e164, String extension) {
        return "tel:" + e164 + (extension == null ? "" : ";ext=" + extension);
    }

    private static Optional<String> text(JsonNode obj, String field) {
        JsonNode v = obj == null ? null : obj.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }

    private static Iterable<JsonNode> iterable(JsonNode array) {
        return array != null && array.isArray() ? array : List.of();
    }

    // =================================================================================== RDF → JSON

    /**
     * The canonical service for {@code serviceIri} read back from {@code model} (a service's own model or a
     * whole federation graph). Provenance triples are not part of the canonical JSON and are ignored.
     *
     * @throws IllegalArgumentException if the model holds no cpsv:PublicService with that IRI
     */
    public ObjectNode fromRdf(Model model, String serviceIri) {
        Resource s = model.createResource(serviceIri);
        if (!s.hasProperty(RDF.type, CPSV.PublicService)) {
            throw new IllegalArgumentException("no cpsv:PublicService <" + serviceIri + "> in the model");
        }
        String serviceId = iris.serviceIdOf(serviceIri)
                .orElseThrow(() -> new IllegalArgumentException("not a service IRI of this hub: " + serviceIri));
        ObjectNode j = JSON.objectNode();
        j.put("localId", string(s, INSV.sourceRecord).orElse(HubIris.localIdOf(serviceId)));
        putLangs(j, "title", s, DCTerms.title);
        putLangs(j, "description", s, DCTerms.description);
        putArray(j, "keywords", sorted(s, DCAT.keyword, n -> n.isLiteral() ? n.asLiteral().getLexicalForm() : null));
        codes(s, ADMS.status, Vocabulary.STATUS).stream().findFirst().ifPresent(v -> j.put("status", v));

        Statement ca = s.getProperty(M8G.hasCompetentAuthority);
        if (ca != null && ca.getObject().isURIResource()) {
            j.set("provider", provider(ca.getResource()));
        }
        putArray(j, "targetGroups", codes(s, INSV.targetGroup, Vocabulary.TARGET_GROUP));
        ObjectNode age = JSON.objectNode();
        putInt(age, "min", s, INSV.minAge);
        putInt(age, "max", s, INSV.maxAge);
        putIfNotEmpty(j, "ageRange", age);
        putArray(j, "methods", codes(s, INSV.method, Vocabulary.METHOD));
        putArray(j, "municipalities", sorted(s, DCTerms.spatial, n -> uri(n).flatMap(iris::municipalityCodeOf).orElse(null)));
        putArray(j, "regions", sorted(s, DCTerms.spatial, n -> uri(n).flatMap(iris::countyCodeOf).orElse(null)));

        ObjectNode adm = JSON.objectNode();
        putBool(adm, "referralRequired", s, INSV.referralRequired);
        putBool(adm, "selfReferral", s, INSV.selfReferral);
        putArray(adm, "referrers", codes(s, INSV.mayBeReferredBy, Vocabulary.PROVIDER_TYPE));
        List<Map.Entry<Integer, Resource>> criteria = new ArrayList<>();
        s.listProperties(M8G.holdsRequirement).forEachRemaining(st -> uri(st.getObject())
                .flatMap(iris::fragmentOf)
                .filter(f -> f.matches(CRITERION + "[0-9]{1,6}"))
                .ifPresent(f -> criteria.add(Map.entry(Integer.parseInt(f.substring(CRITERION.length())), st.getResource()))));
        criteria.sort(Map.Entry.comparingByKey());
        if (!criteria.isEmpty()) {
            ArrayNode arr = adm.putArray("criteria");
            criteria.forEach(e -> arr.add(langMap(e.getValue(), DCTerms.title)));
        }
        subResource(s, M8G.hasChannel, CHANNEL_APPLY)
                .ifPresent(ch -> putLangs(adm, "howToApply", ch, DCTerms.description));
        putIfNotEmpty(j, "admission", adm);

        ObjectNode dur = JSON.objectNode();
        putInt(dur, "maxMonths", s, INSV.maxDurationMonths);
        putInt(dur, "extensionMonths", s, INSV.extensionMonths);
        putLangs(dur, "text", s, INSV.durationText);
        putIfNotEmpty(j, "duration", dur);
        ObjectNode cap = JSON.objectNode();
        putInt(cap, "placesPerYear", s, INSV.placesPerYear);
        putLangs(cap, "text", s, INSV.capacityText);
        putIfNotEmpty(j, "capacity", cap);

        ObjectNode period = JSON.objectNode();
        subResource(s, DCTerms.temporal, PERIOD).ifPresent(pt -> {
            string(pt, DCAT.startDate).ifPresent(v -> period.put("start", v));
            string(pt, DCAT.endDate).ifPresent(v -> period.put("end", v));
        });
        putIfNotEmpty(j, "period", period);
        putArray(j, "funding", codes(s, INSV.funding, Vocabulary.FUNDING));

        ObjectNode contact = JSON.objectNode();
        subResource(s, M8G.contactPoint, CONTACT).ifPresent(cp -> {
            string(cp, VCARD4.fn).ifPresent(v -> contact.put("name", v));
            string(cp, M8G.email).ifPresent(v -> contact.put("email", v));
            string(cp, M8G.telephone).ifPresent(v -> contact.put("phone", v));
            Statement tel = cp.getProperty(VCARD4.hasTelephone);
            if (tel != null && tel.getObject().isURIResource()) {
                Matcher t = TEL.matcher(tel.getResource().getURI());
                if (t.matches()) {
                    contact.put("phoneE164", t.group(1));
                    if (t.group(2) != null) {
                        contact.put("phoneExtension", t.group(2));
                    }
                }
            }
            Statement page = cp.getProperty(M8G.contactPage);
            if (page != null && page.getObject().isURIResource()) {
                contact.put("url", page.getResource().getURI());
            }
            subResource(cp, M8G.openingHours, OPENING_HOURS)
                    .flatMap(oh -> string(oh, DCTerms.description))
                    .ifPresent(v -> contact.put("openingHours", v));
        });
        putIfNotEmpty(j, "contact", contact);
        Statement home = s.getProperty(FOAF.homepage);
        if (home != null && home.getObject().isURIResource()) {
            j.put("homepage", home.getResource().getURI());
        }
        putArray(j, "languages", sorted(s, DCTerms.language, n -> uri(n).flatMap(HubIris::languageCodeOf).orElse(null)));
        subResource(s, CPSV.produces, OUTPUT).ifPresent(o -> putLangs(j, "output", o, DCTerms.description));
        string(s, INSV.lastReviewed).ifPresent(v -> j.put("lastReviewed", v));
        sourceDetails.fromRdf(s, j);
        return j;
    }

    private ObjectNode provider(Resource org) {
        ObjectNode p = JSON.objectNode();
        string(org, DCTerms.identifier).ifPresent(v -> p.put("id", v));
        ObjectNode name = langMap(org, SKOS.prefLabel);
        if (name.isEmpty()) {
            name = langMap(org, FOAF.name);
        }
        p.set("name", name);
        codes(org, DCTerms.type, Vocabulary.PROVIDER_TYPE).stream().findFirst().ifPresent(v -> p.put("type", v));
        sorted(org, DCTerms.spatial, n -> uri(n).flatMap(iris::municipalityCodeOf).orElse(null))
                .stream().findFirst().ifPresent(v -> p.put("municipality", v));
        return p;
    }

    private Optional<Resource> subResource(Resource s, Property p, String fragment) {
        Iterator<Statement> it = s.listProperties(p);
        while (it.hasNext()) {
            RDFNode o = it.next().getObject();
            if (o.isURIResource() && iris.fragmentOf(o.asResource().getURI()).filter(fragment::equals).isPresent()) {
                return Optional.of(o.asResource());
            }
        }
        return Optional.empty();
    }

    private List<String> codes(Resource s, Property p, String scheme) {
        return sorted(s, p, n -> uri(n).flatMap(u -> iris.codeOf(scheme, u)).orElse(null));
    }

    private static List<String> sorted(Resource s, Property p, Function<RDFNode, String> f) {
        TreeSet<String> out = new TreeSet<>();
        s.listProperties(p).forEachRemaining(st -> {
            String v = f.apply(st.getObject());
            if (v != null) {
                out.add(v);
            }
        });
        return new ArrayList<>(out);
    }

    private static Optional<String> uri(RDFNode n) {
        return n.isURIResource() ? Optional.of(n.asResource().getURI()) : Optional.empty();
    }

    private static Optional<String> string(Resource r, Property p) {
        Statement st = r.getProperty(p);
        return st != null && st.getObject().isLiteral() ? Optional.of(st.getLiteral().getLexicalForm()) : Optional.empty();
    }

    private static ObjectNode langMap(Resource r, Property p) {
        TreeMap<String, String> map = new TreeMap<>();
        r.listProperties(p).forEachRemaining(st -> {
            if (st.getObject().isLiteral()) {
                Literal l = st.getLiteral();
                map.putIfAbsent(l.getLanguage(), l.getLexicalForm());
            }
        });
        ObjectNode o = JSON.objectNode();
        map.forEach(o::put);
        return o;
    }

    private static void putLangs(ObjectNode target, String field, Resource r, Property p) {
        putIfNotEmpty(target, field, langMap(r, p));
    }

    private static void putInt(ObjectNode target, String field, Resource r, Property p) {
        Statement st = r.getProperty(p);
        if (st != null && st.getObject().isLiteral()) {
            target.put(field, st.getLiteral().getInt());
        }
    }

    private static void putBool(ObjectNode target, String field, Resource r, Property p) {
        Statement st = r.getProperty(p);
        if (st != null && st.getObject().isLiteral()) {
            target.put(field, st.getLiteral().getBoolean());
        }
    }

    private static void putArray(ObjectNode target, String field, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode a = target.putArray(field);
            values.forEach(a::add);
        }
    }

    private static void putIfNotEmpty(ObjectNode target, String field, ObjectNode value) {
        if (!value.isEmpty()) {
            target.set(field, value);
        }
    }

}
