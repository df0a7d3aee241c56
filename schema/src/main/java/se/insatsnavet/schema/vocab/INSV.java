package se.insatsnavet.schema.vocab;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** Insatsnavet's own terms (ontology {@code insatsnavet.ttl}, prefix {@code insv}). Modelled on Jena's {@code org.apache.jena.vocabulary.DCAT}. */
public final class INSV {

    /** The namespace of the vocabulary as a string. */
    public static final String NS = "https://insatsnavet.se/ns#";

    /** The namespace of the vocabulary as a resource. */
    public static final Resource NAMESPACE = ResourceFactory.createResource(NS);

    private INSV() {
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

    /** The ontology resource itself. */
    public static final Resource ONTOLOGY = ResourceFactory.createResource("https://insatsnavet.se/ns");

    // properties
    public static final Property targetGroup = property("targetGroup");
    public static final Property minAge = property("minAge");
    public static final Property maxAge = property("maxAge");
    public static final Property referralRequired = property("referralRequired");
    public static final Property selfReferral = property("selfReferral");
    public static final Property mayBeReferredBy = property("mayBeReferredBy");
    public static final Property method = property("method");
    public static final Property maxDurationMonths = property("maxDurationMonths");
    public static final Property extensionMonths = property("extensionMonths");
    public static final Property durationText = property("durationText");
    public static final Property placesPerYear = property("placesPerYear");
    public static final Property capacityText = property("capacityText");
    public static final Property funding = property("funding");
    public static final Property lastReviewed = property("lastReviewed");
    public static final Property federation = property("federation");
    public static final Property source = property("source");
    public static final Property sourceRecord = property("sourceRecord");
    public static final Property alert = property("alert");
    public static final Property sourceModified = property("sourceModified");
    public static final Property hsdsRecord = property("hsdsRecord");

    // guidance articles (issue 20)
    public static final Resource GuidanceArticle = resource("GuidanceArticle");
    public static final Resource EasyToReadText = resource("EasyToReadText");
    /** The easy-to-read guideline an {@link #EasyToReadText} conforms to (dct:conformsTo): MTM's easy-to-read Swedish. */
    public static final Resource EasyToReadSwedish = resource("EasyToReadSwedish");
    public static final Property articleKind = property("articleKind");
    public static final Property easyToRead = property("easyToRead");
    public static final Property aboutService = property("aboutService");
    public static final Property aboutTargetGroup = property("aboutTargetGroup");
    public static final Property aboutMethod = property("aboutMethod");
    public static final Property situation = property("situation");
}
