package se.insatsnavet.hub.ldes;

import org.apache.jena.query.Dataset;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import se.insatsnavet.hub.linkeddata.RdfRepresentation;

import java.io.StringWriter;

/** Writes an event stream page with named graphs as TriG or N-Quads. */
final class QuadWriting {

    private QuadWriting() {
    }

    static boolean isQuads(RdfRepresentation r) {
        return r == RdfRepresentation.TRIG || r == RdfRepresentation.N_QUADS;
    }

    static String write(Dataset page, RdfRepresentation r) {
        StringWriter w = new StringWriter();
        RDFDataMgr.write(w, page, r == RdfRepresentation.TRIG ? RDFFormat.TRIG_BLOCKS : RDFFormat.NQUADS_UTF8);
        return w.toString();
    }
}
