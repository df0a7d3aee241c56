package se.insatsnavet.hub.linkeddata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.shared.PrefixMapping;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.TreeMap;

/** Serialises models in the hub's RDF representations, with the vocabulary's prefixes. */
public final class RdfWriting {

    private static final PrefixMapping PREFIXES = PrefixMapping.Factory.create()
            .setNsPrefixes(PrefixMapping.Standard)
            .setNsPrefix("dct", "http://purl.org/dc/terms/")
            .setNsPrefix("skos", "http://www.w3.org/2004/02/skos/core#")
            .setNsPrefix("foaf", "http://xmlns.com/foaf/0.1/")
            .setNsPrefix("cpsv", "http://purl.org/vocab/cpsv#")
            .setNsPrefix("cv", "http://data.europa.eu/m8g/")
            .setNsPrefix("m8g", "http://data.europa.eu/m8g/")
            .setNsPrefix("prov", "http://www.w3.org/ns/prov#")
            .setNsPrefix("vcard", "http://www.w3.org/2006/vcard/ns#")
            .setNsPrefix("insv", "https://insatsnavet.se/ns#")
            .lock();

    private RdfWriting() {
    }

    public static String write(Model model, RdfRepresentation representation) {
        RDFFormat format = switch (representation) {
            case TURTLE -> RDFFormat.TURTLE_PRETTY;
            case JSON_LD -> RDFFormat.JSONLD11_PRETTY;
            case N_TRIPLES -> RDFFormat.NTRIPLES_UTF8;
            case RDF_XML -> RDFFormat.RDFXML_PRETTY;
            default -> throw new IllegalArgumentException("Not an RDF syntax: " + representation);
        };
        Model out = model;
        if (representation != RdfRepresentation.N_TRIPLES) {
            out = ModelFactory.createDefaultModel().add(model);
            out.setNsPrefixes(PREFIXES);
            out.removeNsPrefix("m8g"); // cv: and m8g: share a namespace; one prefix per namespace
        }
        StringWriter w = new StringWriter();
        RDFDataMgr.write(w, out, format);
        return representation == RdfRepresentation.JSON_LD ? withPublishedContext(w.toString()) : w.toString();
    }

    /** Path of the published JSON-LD context, relative to the hub's base. */
    public static final String CONTEXT_PATH = "ns/context.jsonld";

    /**
     * The hub's JSON-LD context: a term for each prefix of its vocabulary ({@code dct}, {@code cpsv},
     * {@code cv}, {@code insv} …), served at {@link #CONTEXT_PATH}.
     */
    public static String context() {
        ObjectNode terms = JSON.createObjectNode();
        PrefixMapping published = PrefixMapping.Factory.create().setNsPrefixes(PREFIXES);
        published.removeNsPrefix("m8g");
        new TreeMap<>(published.getNsPrefixMap()).forEach(terms::put);
        ObjectNode doc = JSON.createObjectNode();
        doc.set("@context", terms);
        return doc.toPrettyString();
    }

    /**
     * Replaces the terms of the written document's inline context that the published context defines by a
     * reference to it ({@code "/ns/context.jsonld"}, resolved against the document's URL); terms it does not
     * define stay inline after the reference.
     */
    private static String withPublishedContext(String jsonld) {
        try {
            JsonNode root = JSON.readTree(jsonld);
            if (!root.isObject() || !root.path("@context").isObject()) {
                return jsonld;
            }
            JsonNode published = JSON.readTree(context()).path("@context");
            ObjectNode rest = JSON.createObjectNode();
            root.path("@context").fields().forEachRemaining(e -> {
                if (!e.getValue().equals(published.path(e.getKey()))) {
                    rest.set(e.getKey(), e.getValue());
                }
            });
            ArrayNode context = JSON.createArrayNode().add("/" + CONTEXT_PATH);
            if (!rest.isEmpty()) {
                context.add(rest);
            }
            ((ObjectNode) root).set("@context", context.size() == 1 ? context.get(0) : context);
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
}
