package se.insatsnavet.schema.vocab;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** Core Public Service Vocabulary terms (prefix {@code cpsv}) used by CPSV-AP 3.2.0. Modelled on Jena's {@code org.apache.jena.vocabulary.DCAT}. */
public final class CPSV {

    /** The namespace of the vocabulary as a string. */
    public static final String NS = "http://purl.org/vocab/cpsv#";

    /** The namespace of the vocabulary as a resource. */
    public static final Resource NAMESPACE = ResourceFactory.createResource(NS);

    private CPSV() {
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
    public static final Resource PublicService = resource("PublicService");
    public static final Resource Rule = resource("Rule");

    // properties
    public static final Property follows = property("follows");
    public static final Property hasInput = property("hasInput");
    /** cpsv:implements (Java keyword, hence the trailing underscore). */
    public static final Property implements_ = property("implements");
    public static final Property produces = property("produces");
}
