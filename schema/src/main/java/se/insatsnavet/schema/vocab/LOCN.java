package se.insatsnavet.schema.vocab;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** ISA Core Location terms (prefix {@code locn}). Modelled on Jena's {@code org.apache.jena.vocabulary.DCAT}. */
public final class LOCN {

    /** The namespace of the vocabulary as a string. */
    public static final String NS = "http://www.w3.org/ns/locn#";

    /** The namespace of the vocabulary as a resource. */
    public static final Resource NAMESPACE = ResourceFactory.createResource(NS);

    private LOCN() {
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
    public static final Resource Address = resource("Address");
    public static final Resource Geometry = resource("Geometry");

    // properties
    public static final Property address = property("address");
    public static final Property geometry = property("geometry");
    public static final Property geographicName = property("geographicName");
}
