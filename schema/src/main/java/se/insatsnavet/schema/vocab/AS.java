package se.insatsnavet.schema.vocab;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** Activity Streams 2.0 terms (the activities of DCAT-AP Feeds) (prefix {@code as}). Modelled on Jena's {@code org.apache.jena.vocabulary.DCAT}. */
public final class AS {

    /** The namespace of the vocabulary as a string. */
    public static final String NS = "https://www.w3.org/ns/activitystreams#";

    /** The namespace of the vocabulary as a resource. */
    public static final Resource NAMESPACE = ResourceFactory.createResource(NS);

    private AS() {
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
    public static final Resource Create = resource("Create");
    public static final Resource Update = resource("Update");
    public static final Resource Delete = resource("Delete");

    // properties
    public static final Property object = property("object");
    public static final Property published = property("published");
}
