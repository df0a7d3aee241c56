package se.insatsnavet.schema.rdf;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.jena.rdf.model.Model;
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
import se.insatsnavet.schema.Vocabulary;
import se.insatsnavet.schema.vocab.ADMS;
import se.insatsnavet.schema.vocab.CPSV;
import se.insatsnavet.schema.vocab.HubIris;
import se.insatsnavet.schema.vocab.INSV;
import se.insatsnavet.schema.vocab.M8G;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RDF to canonical service JSON, the second half of {@link ServiceRdf}: reads a service back from its own model
 * or a whole federation graph; set-valued arrays come back sorted, admission criteria in their order, and
 * provenance is left out. Thread-safe.
 */
final class ServiceFromRdf {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** A {@code tel:} IRI as {@link ServiceRdf#telIri} writes it: E.164 number, extension. */
    private static final Pattern TEL = Pattern.compile("tel:(\\+[0-9]+)(?:;ext=([0-9]+))?");

    private final HubIris iris;
    private final SourceDetailsRdf sourceDetails;

    ServiceFromRdf(HubIris iris, SourceDetailsRdf sourceDetails) {
        this.iris = iris;
        this.sourceDetails = sourceDetails;
    }

    /**
     * The canonical service for {@code serviceIri} read back from {@code model} (a service's own model or a
     * whole federation graph). Provenance triples are not part of the canonical JSON and are ignored.
     *
     * @throws IllegalArgumentException if the model holds no cpsv:PublicService with that IRI
     */
    ObjectNode fromRdf(Model model, String serviceIri) {
        Resource s = model.createResource(serviceIri);
        if (!s.hasProperty(RDF.type, CPSV.PublicService)) {
            throw new IllegalArgumentException("no cpsv:PublicService <" + serviceIri + "> in the model");
        }
        String serviceId = iris.serviceIdOf(serviceIri)
                .orElseThrow(() -> new IllegalArgumentException("not a service IRI of this hub: " + serviceIri));
        ObjectNode j = JSON.objectNode();
        j.put("localId", RdfValues.string(s, INSV.sourceRecord).orElse(HubIris.localIdOf(serviceId)));
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
                .filter(f -> f.matches(ServiceRdf.CRITERION + "[0-9]{1,6}"))
                .ifPresent(f -> criteria.add(Map.entry(Integer.parseInt(f.substring(ServiceRdf.CRITERION.length())), st.getResource()))));
        criteria.sort(Map.Entry.comparingByKey());
        if (!criteria.isEmpty()) {
            ArrayNode arr = adm.putArray("criteria");
            criteria.forEach(e -> arr.add(RdfValues.langMap(e.getValue(), DCTerms.title)));
        }
        subResource(s, M8G.hasChannel, ServiceRdf.CHANNEL_APPLY)
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
        subResource(s, DCTerms.temporal, ServiceRdf.PERIOD).ifPresent(pt -> {
            RdfValues.string(pt, DCAT.startDate).ifPresent(v -> period.put("start", v));
            RdfValues.string(pt, DCAT.endDate).ifPresent(v -> period.put("end", v));
        });
        putIfNotEmpty(j, "period", period);
        putArray(j, "funding", codes(s, INSV.funding, Vocabulary.FUNDING));

        ObjectNode contact = JSON.objectNode();
        subResource(s, M8G.contactPoint, ServiceRdf.CONTACT).ifPresent(cp -> {
            RdfValues.string(cp, VCARD4.fn).ifPresent(v -> contact.put("name", v));
            RdfValues.string(cp, M8G.email).ifPresent(v -> contact.put("email", v));
            RdfValues.string(cp, M8G.telephone).ifPresent(v -> contact.put("phone", v));
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
            subResource(cp, M8G.openingHours, ServiceRdf.OPENING_HOURS)
                    .flatMap(oh -> RdfValues.string(oh, DCTerms.description))
                    .ifPresent(v -> contact.put("openingHours", v));
        });
        putIfNotEmpty(j, "contact", contact);
        Statement home = s.getProperty(FOAF.homepage);
        if (home != null && home.getObject().isURIResource()) {
            j.put("homepage", home.getResource().getURI());
        }
        putArray(j, "languages", sorted(s, DCTerms.language, n -> uri(n).flatMap(HubIris::languageCodeOf).orElse(null)));
        subResource(s, CPSV.produces, ServiceRdf.OUTPUT).ifPresent(o -> putLangs(j, "output", o, DCTerms.description));
        RdfValues.string(s, INSV.lastReviewed).ifPresent(v -> j.put("lastReviewed", v));
        sourceDetails.fromRdf(s, j);
        return j;
    }

    private ObjectNode provider(Resource org) {
        ObjectNode p = JSON.objectNode();
        RdfValues.string(org, DCTerms.identifier).ifPresent(v -> p.put("id", v));
        ObjectNode name = RdfValues.langMap(org, SKOS.prefLabel);
        if (name.isEmpty()) {
            name = RdfValues.langMap(org, FOAF.name);
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

    private static void putLangs(ObjectNode target, String field, Resource r, Property p) {
        putIfNotEmpty(target, field, RdfValues.langMap(r, p));
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
