package se.insatsnavet.schema.vocab;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * The schema.org terms the hub's guidance articles use (prefix {@code schema}, namespace {@code https://schema.org/}).
 * Modelled on Jena's {@code org.apache.jena.vocabulary.DCAT}.
 */
public final class SDO {

    /** The namespace of the vocabulary as a string. */
    public static final String NS = "https://schema.org/";

    /** The namespace of the vocabulary as a resource. */
    public static final Resource NAMESPACE = ResourceFactory.createResource(NS);

    private SDO() {
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
    public static final Resource CreativeWork = resource("CreativeWork");
    public static final Resource Article = resource("Article");
    public static final Resource FAQPage = resource("FAQPage");
    public static final Resource Question = resource("Question");
    public static final Resource Answer = resource("Answer");
    public static final Resource HowTo = resource("HowTo");
    public static final Resource HowToStep = resource("HowToStep");

    // properties
    public static final Property name = property("name");
    public static final Property headline = property("headline");
    public static final Property text = property("text");
    public static final Property articleBody = property("articleBody");
    public static final Property about = property("about");
    public static final Property audience = property("audience");
    public static final Property mainEntity = property("mainEntity");
    public static final Property acceptedAnswer = property("acceptedAnswer");
    public static final Property step = property("step");
    public static final Property position = property("position");
    public static final Property url = property("url");
    public static final Property datePublished = property("datePublished");
    public static final Property dateModified = property("dateModified");
    public static final Property inLanguage = property("inLanguage");
    public static final Property spatialCoverage = property("spatialCoverage");
    public static final Property isPartOf = property("isPartOf");
}
