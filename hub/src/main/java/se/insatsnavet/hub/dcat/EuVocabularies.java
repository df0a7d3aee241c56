package se.insatsnavet.hub.dcat;

import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;

import java.util.Map;

/**
 * The codes of the EU's (and ADMS's) controlled vocabularies the catalogue uses, each typed as a
 * {@code skos:Concept} of its scheme with its label, as DCAT-AP 3.0.1's range and mdr-vocabularies shapes expect.
 */
final class EuVocabularies {

    static final String FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/";
    static final String LANGUAGE = "http://publications.europa.eu/resource/authority/language/";
    static final String COUNTRY = "http://publications.europa.eu/resource/authority/country/";
    static final String DATA_THEME = "http://publications.europa.eu/resource/authority/data-theme/";
    static final String AVAILABILITY = "http://publications.europa.eu/resource/authority/planned-availability/";
    static final String PUBLISHER_TYPE = "http://purl.org/adms/publishertype/";
    static final String LICENCE_TYPE = "http://purl.org/adms/licencetype/";
    static final String IANA = "https://www.iana.org/assignments/media-types/";

    /** EU file types of the media types feed-format plugins may offer (others: BIN). */
    static final Map<String, String> FILE_TYPES_BY_MEDIA_TYPE = Map.of(
            "text/csv", "CSV", "application/json", "JSON", "application/ld+json", "JSON_LD", "application/xml", "XML",
            "text/xml", "XML", "text/html", "HTML", "text/plain", "TXT", "text/calendar", "ICS");

    /** English labels of the EU file types used (the authority table's own labels). */
    private static final Map<String, String> FILE_TYPE_LABELS = Map.ofEntries(
            Map.entry("JSON", "JSON"), Map.entry("RDF_TURTLE", "RDF Turtle"), Map.entry("NQUAD", "N-Quads"),
            Map.entry("SPARQLQ", "SPARQL Query"), Map.entry("ZIP", "ZIP"), Map.entry("RDF_XML", "RDF/XML"),
            Map.entry("JSON_LD", "JSON-LD"), Map.entry("CSV", "CSV"), Map.entry("BIN", "Binary data"),
            Map.entry("RDF_TRIG", "RDF TriG"));

    private EuVocabularies() {
    }

    /** Types a code as a {@code skos:Concept} of its scheme (a {@code skos:ConceptScheme} with a title). */
    static Resource inScheme(Resource code, String scheme, String schemeTitle) {
        Model m = code.getModel();
        return code.addProperty(RDF.type, SKOS.Concept)
                .addProperty(SKOS.inScheme, m.createResource(scheme)
                        .addProperty(RDF.type, SKOS.ConceptScheme)
                        .addProperty(DCTerms.title, schemeTitle, "en"));
    }

    static Resource format(Model m, String fileType) {
        return inScheme(m.createResource(FILE_TYPE + fileType).addProperty(RDF.type, DCTerms.MediaTypeOrExtent)
                        .addProperty(SKOS.prefLabel, FILE_TYPE_LABELS.getOrDefault(fileType, fileType), "en"),
                scheme(FILE_TYPE), "File types");
    }

    static Resource mediaType(Model m, String mediaType) {
        return m.createResource(IANA + mediaType).addProperty(RDF.type, DCTerms.MediaType);
    }

    static Resource swedish(Model m) {
        return inScheme(m.createResource(LANGUAGE + "SWE").addProperty(RDF.type, DCTerms.LinguisticSystem)
                        .addProperty(SKOS.prefLabel, "svenska", "sv")
                        .addProperty(SKOS.prefLabel, "Swedish", "en"),
                scheme(LANGUAGE), "Languages");
    }

    static final String WKT = "http://www.opengis.net/ont/geosparql#wktLiteral";
    /**
     * Sweden's bounding box and centroid (WGS 84 longitude latitude), computed by {@code hub/scripts/sweden-extent.py}
     * from the county boundaries the hub's map is drawn from (okfse/sweden-geojson, simplified: the
     * smallest islands, e.g. Koster's western skerries, may fall just outside the box).
     */
    static final String SWEDEN_BBOX = "POLYGON((11.10 55.34, 24.17 55.34, 24.17 69.04, 11.10 69.04, 11.10 55.34))";
    static final String SWEDEN_CENTROID = "POINT(16.27 62.39)";

    /** Sweden, from the EU country table, with its bounding box and centroid: the area every dataset here covers. */
    static Resource sweden(Model m) {
        return inScheme(m.createResource(COUNTRY + "SWE").addProperty(RDF.type, DCTerms.Location)
                        .addProperty(SKOS.prefLabel, "Sverige", "sv")
                        .addProperty(SKOS.prefLabel, "Sweden", "en")
                        .addLiteral(m.createProperty(DCAT.NS + "bbox"), m.createTypedLiteral(SWEDEN_BBOX,
                                TypeMapper.getInstance().getSafeTypeByName(WKT)))
                        .addLiteral(m.createProperty(DCAT.NS + "centroid"), m.createTypedLiteral(SWEDEN_CENTROID,
                                TypeMapper.getInstance().getSafeTypeByName(WKT))),
                scheme(COUNTRY), "Countries and territories");
    }

    /** The EU data theme of every dataset here: Population and society (SOCI). */
    static Resource populationAndSociety(Model m) {
        return inScheme(m.createResource(DATA_THEME + "SOCI")
                        .addProperty(SKOS.prefLabel, "Befolkning och samhälle", "sv")
                        .addProperty(SKOS.prefLabel, "Population and society", "en"),
                scheme(DATA_THEME), "Data themes");
    }

    /**
     * A code of the EU planned-availability table: {@code STABLE} (available in the medium term: the hub's
     * documented endpoints and dumps) or {@code AVAILABLE} (may go at any time: what a plugin adds).
     */
    static Resource availability(Model m, String code) {
        return inScheme(m.createResource(AVAILABILITY + code)
                        .addProperty(SKOS.prefLabel, code.equals("STABLE") ? "stable" : "available", "en"),
                scheme(AVAILABILITY), "Planned availability");
    }

    static Resource publisherType(Model m, String type) {
        return inScheme(m.createResource(PUBLISHER_TYPE + type), PUBLISHER_TYPE + "1.0", "Publisher types")
                .addProperty(SKOS.prefLabel, type.replaceAll("([a-z])([A-Z])", "$1 $2"), "en");
    }

    /** An ADMS licence type, e.g. {@code PublicDomain} for CC0 1.0. */
    static Resource licenceType(Model m, String type) {
        return inScheme(m.createResource(LICENCE_TYPE + type), LICENCE_TYPE + "1.0", "Licence types")
                .addProperty(SKOS.prefLabel, type.replaceAll("([a-z])([A-Z])", "$1 $2"), "en");
    }

    private static String scheme(String namespace) {
        return namespace.substring(0, namespace.length() - 1);
    }
}
