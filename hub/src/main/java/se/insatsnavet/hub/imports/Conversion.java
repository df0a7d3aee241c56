package se.insatsnavet.hub.imports;

import org.apache.jena.rdf.model.Model;
import se.insatsnavet.schema.rdf.ServiceContext;
import se.insatsnavet.schema.rdf.ServiceRdf;

/** Stage "convert": a changed service's canonical JSON to its RDF description ({@link ServiceRdf}). */
final class Conversion {

    private final ServiceRdf rdf;
    private final ServiceContext context;

    /** Conversion for one run: every description names the federation, source, run and time it was written by. */
    Conversion(ServiceRdf rdf, ServiceContext context) {
        this.rdf = rdf;
        this.context = context;
    }

    Model convert(Diff.Changed changed) {
        return rdf.toRdf(changed.service(), context);
    }
}
