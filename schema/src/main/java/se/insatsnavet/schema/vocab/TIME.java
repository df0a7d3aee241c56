package se.insatsnavet.schema.vocab;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** OWL-Time terms (prefix {@code time}). Modelled on Jena's {@code org.apache.jena.vocabulary.DCAT}. */
public final class TIME {

    /** The namespace of the vocabulary as a string. */
    public static final String NS = "http://www.w3.org/2006/time#";

    /** The namespace of the vocabulary as a resource. */
    public static final Resource NAMESPACE = ResourceFactory.createResource(NS);

    private TIME() {
    }

    /** The namespace of the vocabulary as a string. */
    public static String getURI() {
        return NS;
    }

    private static Resource resource(String local) {
        return ResourceFactory.createResource(NS + local);
    }

    private static Property property(String local) {
        return ResourceFactory.createProperty(NS, local);
    }

    // classes
    public static final Resource TemporalEntity = resource("TemporalEntity");
    public static final Resource Instant = resource("Instant");
    public static final Resource Interval = resource("Interval");

}
