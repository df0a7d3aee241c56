package se.insatsnavet.schema.vocab;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** TREE hypermedia terms (the fragments of an event stream) (prefix {@code tree}). Modelled on Jena's {@code org.apache.jena.vocabulary.DCAT}. */
public final class TREE {

    /** The namespace of the vocabulary as a string. */
    public static final String NS = "https://w3id.org/tree#";

    /** The namespace of the vocabulary as a resource. */
    public static final Resource NAMESPACE = ResourceFactory.createResource(NS);

    private TREE() {
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
    public static final Resource Node = resource("Node");
    public static final Resource GreaterThanOrEqualToRelation = resource("GreaterThanOrEqualToRelation");

    // properties
    public static final Property view = property("view");
    public static final Property member = property("member");
    public static final Property relation = property("relation");
    public static final Property node = property("node");
    public static final Property path = property("path");
    public static final Property value = property("value");
    public static final Property remainingItems = property("remainingItems");
    public static final Property shape = property("shape");
    public static final Property viewDescription = property("viewDescription");
    public static final Resource ViewDescription = resource("ViewDescription");
}
