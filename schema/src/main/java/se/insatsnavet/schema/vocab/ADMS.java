package se.insatsnavet.schema.vocab;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** Asset Description Metadata Schema terms (prefix {@code adms}). Modelled on Jena's {@code org.apache.jena.vocabulary.DCAT}. */
public final class ADMS {

    /** The namespace of the vocabulary as a string. */
    public static final String NS = "http://www.w3.org/ns/adms#";

    /** The namespace of the vocabulary as a resource. */
    public static final Resource NAMESPACE = ResourceFactory.createResource(NS);

    private ADMS() {
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
    public static final Resource Asset = resource("Asset");
    public static final Resource Identifier = resource("Identifier");

    // properties
    public static final Property status = property("status");
    public static final Property identifier = property("identifier");
    public static final Property schemaAgency = property("schemaAgency");
}
