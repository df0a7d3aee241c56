package se.insatsnavet.hub;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFList;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.RDFS;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The W3C SPARQL 1.1 Protocol test manifest ({@code sparql-1.1-tests/protocol/manifest.ttl}) read with Jena:
 * each entry's graphs to load and its HTTP requests with what each must answer.
 */
final class ProtocolManifest {

    static final String MF = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";
    static final String HT = "http://www.w3.org/2011/http#";
    static final String CNT = "http://www.w3.org/2011/content#";
    static final String UT = "http://www.w3.org/2009/sparql/tests/test-update#";
    static final String HTS = "http://www.w3.org/2011/http-statusCodes#";

    static final Property ENTRIES = p(MF, "entries");
    static final Property NAME = p(MF, "name");
    static final Property ACTION = p(MF, "action");
    static final Property EXPECTED_STATUS = p(MF, "expectedStatus");
    static final Property EXPECTED_BOOLEAN = p(MF, "expectedBoolean");
    static final Property EXPECTED_FORMAT = p(MF, "expectedFormat");
    static final Property REQUESTS = p(HT, "requests");
    static final Property ABSOLUTE_PATH = p(HT, "absolutePath");
    static final Property METHOD_NAME = p(HT, "methodName");
    static final Property HEADERS = p(HT, "headers");
    static final Property FIELD_NAME = p(HT, "fieldName");
    static final Property FIELD_VALUE = p(HT, "fieldValue");
    static final Property BODY = p(HT, "body");
    static final Property RESP = p(HT, "resp");
    static final Property CHARS = p(CNT, "chars");
    static final Property CHARACTER_ENCODING = p(CNT, "characterEncoding");
    static final Property GRAPH_DATA = p(UT, "graphData");
    static final Property GRAPH = p(UT, "graph");

    /** One test: its local name, its graphs (graph name to the file's triples) and its requests in order. */
    record Entry(String id, String name, Map<String, Model> graphs, List<Request> requests) {
    }

    /** One HTTP request and what it must answer: statuses by class ("2xx", "4xx" …), boolean, format. */
    record Request(String method, String path, Map<String, String> headers, String body, Charset charset,
                   Set<String> statusClasses, Boolean expectedBoolean, String expectedFormat) {
    }

    private ProtocolManifest() {
    }

    static List<Entry> read(Path manifest) {
        Model m = ModelFactory.createDefaultModel();
        RDFDataMgr.read(m, manifest.toUri().toString());
        Resource root = m.listSubjectsWithProperty(ENTRIES).next();
        List<Entry> entries = new ArrayList<>();
        for (RDFNode node : root.getPropertyResourceValue(ENTRIES).as(RDFList.class).asJavaList()) {
            Resource entry = node.asResource();
            Map<String, Model> graphs = new LinkedHashMap<>();
            for (Statement s : entry.listProperties(GRAPH_DATA).toList()) {
                Resource data = s.getResource();
                Model graph = ModelFactory.createDefaultModel();
                RDFDataMgr.read(graph, data.getPropertyResourceValue(GRAPH).getURI());
                graphs.put(data.getProperty(RDFS.label).getString(), graph);
            }
            List<Request> requests = new ArrayList<>();
            Resource action = entry.getPropertyResourceValue(ACTION);
            for (RDFNode r : action.getPropertyResourceValue(REQUESTS).as(RDFList.class).asJavaList()) {
                requests.add(request(r.asResource()));
            }
            entries.add(new Entry(entry.getLocalName(), entry.getProperty(NAME).getString(), graphs, requests));
        }
        return entries;
    }

    private static Request request(Resource r) {
        Map<String, String> headers = new LinkedHashMap<>();
        Resource list = r.getPropertyResourceValue(HEADERS);
        if (list != null) {
            for (RDFNode h : list.as(RDFList.class).asJavaList()) {
                headers.put(h.asResource().getProperty(FIELD_NAME).getString(), h.asResource().getProperty(FIELD_VALUE).getString());
            }
        }
        String body = null;
        Charset charset = null;
        Resource b = r.getPropertyResourceValue(BODY);
        if (b != null) {
            body = b.getProperty(CHARS).getString();
            charset = Charset.forName(b.getProperty(CHARACTER_ENCODING).getString());
        }
        Resource resp = r.getPropertyResourceValue(RESP);
        Set<String> statuses = new TreeSet<>();
        resp.listProperties(EXPECTED_STATUS).forEachRemaining(s ->
                statuses.add(s.getResource().getURI().substring((HTS + "StatusCode").length()).toLowerCase()));
        Boolean bool = resp.hasProperty(EXPECTED_BOOLEAN) ? resp.getProperty(EXPECTED_BOOLEAN).getBoolean() : null;
        String format = resp.hasProperty(EXPECTED_FORMAT) ? resp.getProperty(EXPECTED_FORMAT).getString() : null;
        return new Request(r.getProperty(METHOD_NAME).getString(), r.getProperty(ABSOLUTE_PATH).getString(), headers,
                body, charset, statuses, bool, format);
    }

    private static Property p(String ns, String local) {
        return ResourceFactory.createProperty(ns + local);
    }
}
