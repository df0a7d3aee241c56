package se.insatsnavet.hub.linkeddata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.VCARD4;
import se.insatsnavet.schema.vocab.CPSV;
import se.insatsnavet.schema.vocab.HubIris;
import se.insatsnavet.schema.vocab.INSV;
import se.insatsnavet.schema.vocab.M8G;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A service as schema.org JSON-LD, read from its published CPSV-AP description and following SEMIC's
 * CPSV-AP 3.2.0 → schema.org alignment ({@code Alignment-CPSV-AP-3.2.0-schemaorg.ttl}) property by property:
 * <ul>
 *   <li>cpsv:PublicService → {@code GovernmentService}; dct:identifier → {@code identifier}; dct:title →
 *       {@code name} and dct:description → {@code description}, every language as a {@code @language}
 *       value; dcat:keyword → {@code keywords}; dct:language → {@code inLanguage} (ISO 639 codes, only the
 *       languages the record names); dct:spatial → {@code areaServed}; dct:audience → {@code audience};
 *       m8g:hasCompetentAuthority → {@code provider}; m8g:contactPoint → {@code contactPoint};
 *       m8g:hasChannel → {@code availableChannel}; cpsv:produces → {@code serviceOutput};</li>
 *   <li>on the contact point: m8g:email → {@code email}, m8g:telephone → {@code telephone},
 *       m8g:contactPage → {@code mainEntityOfPage}, m8g:openingHours → {@code openingHours} (the hub keeps
 *       opening hours as free text, published as the text);</li>
 *   <li>on the provider, places, concepts, channels and the output: skos:prefLabel and dct:title →
 *       {@code name}, dct:identifier → {@code identifier}, dct:description → {@code description}.</li>
 * </ul>
 * Every node the description names by IRI keeps that IRI as {@code @id}. The provider is typed by its kind
 * ({@link #organisationType}). Not in the alignment but kept for readers of schema.org: foaf:homepage →
 * {@code url}, the age range as a {@code PeopleAudience}, owl:sameAs → {@code sameAs}, a
 * {@code ServiceChannel} with the contact page and phone. Embedded in the HTML page (where search engines
 * read it) and served as its own representation ({@code ?format=schemaorg}).
 */
public final class SchemaOrg {

    /** Provider-type codes (the {@code provider-type} scheme) of public bodies. */
    private static final List<String> PUBLIC_BODIES = List.of("arbetsformedlingen", "forsakringskassan", "municipality",
            "region", "federation");
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Comparator<RDFNode> ORDER = Comparator
            .comparing((RDFNode n) -> n.isLiteral() && "sv".equals(n.asLiteral().getLanguage()) ? 0 : 1)
            .thenComparing(n -> n.isLiteral() ? n.asLiteral().getLanguage() : "")
            .thenComparing(RDFNode::toString);

    private SchemaOrg() {
    }

    /** The schema.org JSON-LD of the service {@code serviceUri} described in {@code description}. */
    public static ObjectNode of(Model description, String serviceUri) {
        Resource s = description.getResource(serviceUri);
        ObjectNode o = F.objectNode();
        o.put("@context", "https://schema.org");
        o.put("@type", "GovernmentService");
        o.put("@id", serviceUri);
        texts(o, "identifier", s, DCTerms.identifier);
        texts(o, "name", s, DCTerms.title);
        texts(o, "description", s, DCTerms.description);
        texts(o, "keywords", s, DCAT.keyword);
        ArrayNode languages = F.arrayNode();
        values(s, DCTerms.language).stream().filter(RDFNode::isURIResource)
                .map(l -> HubIris.languageCodeOf(l.asResource().getURI()).orElse(l.asResource().getURI()))
                .sorted(Comparator.comparing((String c) -> c.equals("sv") ? 0 : 1).thenComparing(c -> c))
                .forEach(languages::add);
        set(o, "inLanguage", languages);
        values(s, FOAF.homepage).stream().filter(RDFNode::isURIResource).findFirst()
                .ifPresent(h -> o.put("url", h.asResource().getURI()));
        nodes(s, M8G.hasCompetentAuthority).stream().findFirst().ifPresent(p -> o.set("provider", organisation(p)));
        set(o, "areaServed", places(s));
        set(o, "audience", audiences(s));
        ArrayNode contacts = F.arrayNode();
        nodes(s, M8G.contactPoint).forEach(c -> contacts.add(contactPoint(c)));
        set(o, "contactPoint", contacts);
        set(o, "availableChannel", channels(s));
        ArrayNode outputs = F.arrayNode();
        nodes(s, CPSV.produces).forEach(out -> outputs.add(named(out, "Thing", DCTerms.title)));
        set(o, "serviceOutput", outputs);
        ArrayNode same = F.arrayNode();
        nodes(s, OWL.sameAs).forEach(r -> same.add(r.getURI()));
        set(o, "sameAs", same);
        return o;
    }

    /**
     * The schema.org type of a provider by its kind (the {@code provider-type} code of its dct:type):
     * Arbetsförmedlingen, Försäkringskassan, municipalities, regions and coordination federations are
     * {@code GovernmentOrganization}; civil society is {@code NGO}; employers, other kinds and an unknown
     * kind are {@code Organization}.
     */
    public static String organisationType(String providerTypeCode) {
        if (providerTypeCode == null) {
            return "Organization";
        }
        if (PUBLIC_BODIES.contains(providerTypeCode)) {
            return "GovernmentOrganization";
        }
        return providerTypeCode.equals("civil-society") ? "NGO" : "Organization";
    }

    /**
     * The JSON-LD for a {@code <script type="application/ld+json">} element: every {@code <} (only ever inside a
     * JSON string) is written as the JSON escape of U+003C, so a value can neither close the element nor open a comment, and
     * the text stays valid JSON (the earlier {@code <\!--} was not).
     */
    public static String forScriptElement(ObjectNode jsonLd) {
        return jsonLd.toString().replace("<", "\\u003c");
    }

    private static ObjectNode organisation(Resource p) {
        String kind = nodes(p, DCTerms.type).stream().findFirst().map(SchemaOrg::code).orElse(null);
        ObjectNode org = named(p, organisationType(kind), SKOS.prefLabel);
        set(org, "areaServed", places(p));
        return org;
    }

    private static ArrayNode places(Resource r) {
        ArrayNode areas = F.arrayNode();
        for (Resource place : nodes(r, DCTerms.spatial)) {
            ObjectNode area = named(place, "AdministrativeArea", SKOS.prefLabel);
            if (!area.has("identifier")) {
                texts(area, "identifier", place, SKOS.notation);
            }
            areas.add(area);
        }
        return areas;
    }

    /** The target groups by their concept IRIs, and the age range as a separate audience of people. */
    private static ArrayNode audiences(Resource s) {
        ArrayNode audiences = F.arrayNode();
        for (Resource group : nodes(s, DCTerms.audience)) {
            ObjectNode a = named(group, "PeopleAudience", SKOS.prefLabel);
            values(group, SKOS.prefLabel).stream().filter(l -> l.isLiteral() && "sv".equals(l.asLiteral().getLanguage()))
                    .findFirst().ifPresent(l -> a.put("audienceType", l.asLiteral().getLexicalForm()));
            audiences.add(a);
        }
        Literal min = literal(s, INSV.minAge);
        Literal max = literal(s, INSV.maxAge);
        if (min != null || max != null) {
            ObjectNode ages = audiences.addObject().put("@type", "PeopleAudience");
            if (min != null) {
                ages.put("suggestedMinAge", min.getInt());
            }
            if (max != null) {
                ages.put("suggestedMaxAge", max.getInt());
            }
        }
        return audiences;
    }

    private static ObjectNode contactPoint(Resource c) {
        ObjectNode point = node(c, "ContactPoint");
        texts(point, "name", c, VCARD4.fn);
        texts(point, "email", c, M8G.email);
        texts(point, "telephone", c, M8G.telephone);
        values(c, M8G.contactPage).stream().filter(RDFNode::isURIResource).findFirst()
                .ifPresent(page -> point.putObject("mainEntityOfPage").put("@id", page.asResource().getURI()));
        ArrayNode hours = F.arrayNode();
        for (Resource h : nodes(c, M8G.openingHours)) {
            JsonNode text = langValues(h, DCTerms.description);
            if (text != null) {
                hours.add(text);
            }
        }
        set(point, "openingHours", hours.size() == 1 ? hours.get(0) : hours);
        return point;
    }

    /** The service's channels (how to apply), and one with its contact page and phone. */
    private static ArrayNode channels(Resource s) {
        ArrayNode channels = F.arrayNode();
        nodes(s, M8G.hasChannel).forEach(ch -> channels.add(named(ch, "ServiceChannel", DCTerms.title)));
        for (Resource c : nodes(s, M8G.contactPoint)) {
            ObjectNode channel = F.objectNode().put("@type", "ServiceChannel");
            values(c, M8G.contactPage).stream().filter(RDFNode::isURIResource).findFirst()
                    .ifPresent(page -> channel.put("serviceUrl", page.asResource().getURI()));
            if (c.hasProperty(M8G.telephone) && c.isURIResource()) {
                channel.putObject("servicePhone").put("@id", c.getURI());
            }
            if (channel.size() > 1) {
                channels.add(channel);
            }
        }
        return channels;
    }

    /** A node with its {@code @id}, {@code @type}, {@code identifier}, {@code name} (from {@code nameProperty}) and {@code description}. */
    private static ObjectNode named(Resource r, String type, Property nameProperty) {
        ObjectNode n = node(r, type);
        texts(n, "identifier", r, DCTerms.identifier);
        texts(n, "name", r, nameProperty);
        texts(n, "description", r, DCTerms.description);
        return n;
    }

    private static ObjectNode node(Resource r, String type) {
        ObjectNode n = F.objectNode();
        if (r.isURIResource()) {
            n.put("@id", r.getURI());
        }
        n.put("@type", type);
        return n;
    }

    /** The code of a concept: its skos:notation, else the last segment of its IRI. */
    private static String code(Resource concept) {
        Literal notation = literal(concept, SKOS.notation);
        if (notation != null) {
            return notation.getLexicalForm();
        }
        String iri = Objects.requireNonNullElse(concept.getURI(), "");
        return iri.substring(iri.lastIndexOf('/') + 1);
    }

    /** Puts the literal values of {@code p} as {@code key}: one value as itself, several as an array. */
    private static void texts(ObjectNode o, String key, Resource r, Property p) {
        JsonNode v = langValues(r, p);
        if (v != null) {
            o.set(key, v);
        }
    }

    /** The literals of {@code p}: a string, or {@code {"@value", "@language"}} when tagged; Swedish first; null for none. */
    private static JsonNode langValues(Resource r, Property p) {
        ArrayNode out = F.arrayNode();
        for (RDFNode n : values(r, p)) {
            if (!n.isLiteral()) {
                continue;
            }
            Literal l = n.asLiteral();
            if (l.getLanguage().isEmpty()) {
                out.add(l.getLexicalForm());
            } else {
                out.addObject().put("@value", l.getLexicalForm()).put("@language", l.getLanguage());
            }
        }
        return out.isEmpty() ? null : out.size() == 1 ? out.get(0) : out;
    }

    private static void set(ObjectNode o, String key, JsonNode value) {
        if (value == null || (value.isContainerNode() && value.isEmpty())) {
            return;
        }
        o.set(key, value.isArray() && value.size() == 1 ? value.get(0) : value);
    }

    private static List<RDFNode> values(Resource r, Property p) {
        return r.listProperties(p).mapWith(st -> st.getObject()).toList().stream().sorted(ORDER).toList();
    }

    private static List<Resource> nodes(Resource r, Property p) {
        return values(r, p).stream().filter(RDFNode::isResource).map(RDFNode::asResource).toList();
    }

    private static Literal literal(Resource r, Property p) {
        return values(r, p).stream().filter(RDFNode::isLiteral).map(RDFNode::asLiteral).findFirst().orElse(null);
    }
}
