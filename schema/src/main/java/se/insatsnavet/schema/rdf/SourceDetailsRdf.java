package se.insatsnavet.schema.rdf;

import org.apache.jena.sys.JenaSystem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import se.insatsnavet.schema.vocab.ADMS;
import se.insatsnavet.schema.vocab.HubIris;
import se.insatsnavet.schema.vocab.INSV;
import se.insatsnavet.schema.vocab.LOCN;
import se.insatsnavet.schema.vocab.M8G;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The canonical fields that keep what a source (typically HSDS) says beyond the Swedish catalogue fields, ⇄ RDF:
 * <ul>
 *   <li>{@code identifiers} → {@code adms:identifier <#identifier-N>} (adms:Identifier, skos:notation,
 *       adms:schemaAgency);</li>
 *   <li>{@code costs} → {@code cv:hasCost <#cost-N>} (cv:Cost, dct:identifier, dct:description, cv:hasValue,
 *       cv:currency = the EU currency authority IRI);</li>
 *   <li>{@code areas} → {@code dct:spatial <#area-N>} (dct:Location, locn:geographicName, dct:description);</li>
 *   <li>{@code alert} → {@code insv:alert} (language-tagged), {@code sourceModified} →
 *       {@code insv:sourceModified} (xsd:dateTime), {@code hsds} → {@code insv:hsdsRecord} (an rdf:JSON literal).</li>
 * </ul>
 * Lists keep their order through the fragment number. Used by {@link ServiceRdf}.
 */
final class SourceDetailsRdf {

    static {
        // Jena initialises itself on first use; a vocabulary constant (RDF.…) touched first, from a static
        // initialiser, would see Jena half initialised (RDF.Alt null), so the system is initialised explicitly
        JenaSystem.init();
    }

    static final String IDENTIFIER = "identifier-";
    static final String COST = "cost-";
    static final String AREA = "area-";
    /** The EU Publications Office's currency authority table. */
    static final String CURRENCY = "http://publications.europa.eu/resource/authority/currency/";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RDFDatatype RDF_JSON = TypeMapper.getInstance().getSafeTypeByName(RDF.getURI() + "JSON");

    private final HubIris iris;

    SourceDetailsRdf(HubIris iris) {
        this.iris = iris;
    }

    /** Adds the source details of canonical service {@code j} to service {@code s}. */
    void toRdf(Model m, Resource s, String serviceId, JsonNode j) {
        int n = 0;
        for (JsonNode id : j.path("identifiers")) {
            Resource r = fragment(m, serviceId, IDENTIFIER + (++n), ADMS.Identifier);
            r.addProperty(SKOS.notation, id.path("notation").asText());
            if (id.hasNonNull("scheme")) {
                r.addProperty(ADMS.schemaAgency, id.path("scheme").asText());
            }
            s.addProperty(ADMS.identifier, r);
        }
        n = 0;
        for (JsonNode cost : j.path("costs")) {
            Resource r = fragment(m, serviceId, COST + (++n), M8G.Cost);
            // CPSV-AP wants every cost identified: the source's id of a priced option, else the fragment's
            r.addProperty(DCTerms.identifier, cost.hasNonNull("id") ? cost.path("id").asText() : serviceId + "#" + COST + n);
            cost.path("description").properties().forEach(e -> r.addProperty(DCTerms.description, e.getValue().asText(), e.getKey()));
            if (cost.path("amount").isNumber()) {
                r.addProperty(M8G.hasValue, m.createTypedLiteral(cost.path("amount").decimalValue().toPlainString(), XSDDatatype.XSDdouble));
            }
            if (cost.hasNonNull("currency")) {
                r.addProperty(M8G.currency, m.createResource(CURRENCY + cost.path("currency").asText()).addProperty(RDF.type, SKOS.Concept));
            }
            s.addProperty(M8G.hasCost, r);
        }
        n = 0;
        for (JsonNode area : j.path("areas")) {
            Resource r = fragment(m, serviceId, AREA + (++n), DCTerms.Location);
            r.addProperty(LOCN.geographicName, area.path("name").asText());
            if (area.hasNonNull("description")) {
                r.addProperty(DCTerms.description, area.path("description").asText());
            }
            s.addProperty(DCTerms.spatial, r);
        }
        j.path("alert").properties().forEach(e -> s.addProperty(INSV.alert, e.getValue().asText(), e.getKey()));
        if (j.hasNonNull("sourceModified")) {
            s.addProperty(INSV.sourceModified, m.createTypedLiteral(j.path("sourceModified").asText(), XSDDatatype.XSDdateTime));
        }
        if (j.path("hsds").isObject() && !j.path("hsds").isEmpty()) {
            try {
                s.addProperty(INSV.hsdsRecord, m.createTypedLiteral(JSON.writeValueAsString(j.path("hsds")), RDF_JSON));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("hsds is not writable as JSON", e);
            }
        }
    }

    /** The text places of a service: its {@code dct:spatial} resources of {@code areas}. */
    List<Resource> areas(Resource s) {
        return numbered(s, DCTerms.spatial, AREA);
    }

    /** Reads the source details of service {@code s} into canonical {@code j}. */
    void fromRdf(Resource s, ObjectNode j) {
        List<Resource> ids = numbered(s, ADMS.identifier, IDENTIFIER);
        if (!ids.isEmpty()) {
            ArrayNode a = j.putArray("identifiers");
            for (Resource r : ids) {
                ObjectNode o = a.addObject();
                RdfValues.string(r, SKOS.notation).ifPresent(v -> o.put("notation", v));
                RdfValues.string(r, ADMS.schemaAgency).ifPresent(v -> o.put("scheme", v));
            }
        }
        List<Resource> costs = numbered(s, M8G.hasCost, COST);
        if (!costs.isEmpty()) {
            ArrayNode a = j.putArray("costs");
            for (Resource r : costs) {
                ObjectNode o = a.addObject();
                String own = "#" + iris.fragmentOf(r.getURI()).orElse("");
                RdfValues.string(r, DCTerms.identifier).filter(v -> !v.endsWith(own)).ifPresent(v -> o.put("id", v));
                ObjectNode description = RdfValues.langMap(r, DCTerms.description);
                if (!description.isEmpty()) {
                    o.set("description", description);
                }
                RdfValues.string(r, M8G.hasValue).ifPresent(v -> o.set("amount", number(v)));
                Statement currency = r.getProperty(M8G.currency);
                if (currency != null && currency.getObject().isURIResource()
                        && currency.getResource().getURI().startsWith(CURRENCY)) {
                    o.put("currency", currency.getResource().getURI().substring(CURRENCY.length()));
                }
            }
        }
        List<Resource> areas = areas(s);
        if (!areas.isEmpty()) {
            ArrayNode a = j.putArray("areas");
            for (Resource r : areas) {
                ObjectNode o = a.addObject();
                RdfValues.string(r, LOCN.geographicName).ifPresent(v -> o.put("name", v));
                RdfValues.string(r, DCTerms.description).ifPresent(v -> o.put("description", v));
            }
        }
        ObjectNode alert = RdfValues.langMap(s, INSV.alert);
        if (!alert.isEmpty()) {
            j.set("alert", alert);
        }
        RdfValues.string(s, INSV.sourceModified).ifPresent(v -> j.put("sourceModified", v));
        RdfValues.string(s, INSV.hsdsRecord).ifPresent(v -> {
            try {
                j.set("hsds", JSON.readTree(v));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("insv:hsdsRecord of " + s + " is not JSON", e);
            }
        });
    }

    /** A decimal's lexical form as JSON reads it (an integer stays an integer, 150.5 a double). */
    private static JsonNode number(String lexical) {
        try {
            return JSON.readTree(new BigDecimal(lexical).toPlainString());
        } catch (JsonProcessingException | NumberFormatException e) {
            throw new IllegalArgumentException("not a decimal: " + lexical, e);
        }
    }

    private Resource fragment(Model m, String serviceId, String fragment, Resource type) {
        return m.createResource(iris.serviceFragment(serviceId, fragment), type);
    }

    /** The objects of {@code p} that are the service's {@code <prefix>N} fragments, in the order of N. */
    private List<Resource> numbered(Resource s, Property p, String prefix) {
        TreeMap<Integer, Resource> found = new TreeMap<>();
        s.listProperties(p).forEachRemaining(st -> {
            RDFNode o = st.getObject();
            if (o.isURIResource()) {
                iris.fragmentOf(o.asResource().getURI())
                        .filter(f -> f.matches(Pattern.quote(prefix) + "[0-9]{1,6}"))
                        .ifPresent(f -> found.put(Integer.parseInt(f.substring(prefix.length())), o.asResource()));
            }
        });
        return new ArrayList<>(found.values());
    }

}
