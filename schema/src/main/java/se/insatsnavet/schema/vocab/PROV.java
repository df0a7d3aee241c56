package se.insatsnavet.schema.vocab;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** PROV-O terms (prefix {@code prov}). Modelled on Jena's {@code org.apache.jena.vocabulary.DCAT}. */
public final class PROV {

    /** The namespace of the vocabulary as a string. */
    public static final String NS = "http://www.w3.org/ns/prov#";

    /** The namespace of the vocabulary as a resource. */
    public static final Resource NAMESPACE = ResourceFactory.createResource(NS);

    private PROV() {
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
    public static final Resource Activity = resource("Activity");
    public static final Resource Entity = resource("Entity");
    public static final Resource Agent = resource("Agent");

    // properties
    public static final Property wasGeneratedBy = property("wasGeneratedBy");
    public static final Property wasAttributedTo = property("wasAttributedTo");
    public static final Property startedAtTime = property("startedAtTime");
    public static final Property endedAtTime = property("endedAtTime");
    public static final Property generatedAtTime = property("generatedAtTime");
}
