package se.insatsnavet.hub.linkeddata;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.shared.PrefixMapping;

import java.io.StringWriter;

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
            out = org.apache.jena.rdf.model.ModelFactory.createDefaultModel().add(model);
            out.setNsPrefixes(PREFIXES);
            out.removeNsPrefix("m8g"); // cv: and m8g: share a namespace; one prefix per namespace
        }
        StringWriter w = new StringWriter();
        RDFDataMgr.write(w, out, format);
        return w.toString();
    }
}
