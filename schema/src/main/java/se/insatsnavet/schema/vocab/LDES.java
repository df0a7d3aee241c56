package se.insatsnavet.schema.vocab;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** Linked Data Event Streams terms (prefix {@code ldes}). Modelled on Jena's {@code org.apache.jena.vocabulary.DCAT}. */
public final class LDES {

    /** The namespace of the vocabulary as a string. */
    public static final String NS = "https://w3id.org/ldes#";

    /** The namespace of the vocabulary as a resource. */
    public static final Resource NAMESPACE = ResourceFactory.createResource(NS);

    private LDES() {
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
    public static final Resource EventStream = resource("EventStream");
    public static final Resource LatestVersionSubset = resource("LatestVersionSubset");
    public static final Resource EventSource = resource("EventSource");

    // properties
    public static final Property timestampPath = property("timestampPath");
    public static final Property versionOfPath = property("versionOfPath");
    public static final Property retentionPolicy = property("retentionPolicy");
    public static final Property amount = property("amount");
}
