package se.insatsnavet.schema.vocab;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** The SEMIC Core Vocabularies' prefix {@code cv}: since CPSV-AP 3 the same namespace as {@link M8G} (the terms are identical objects). Modelled on Jena's {@code org.apache.jena.vocabulary.DCAT}. */
public final class CV {

    /** The namespace of the vocabulary as a string. */
    public static final String NS = "http://data.europa.eu/m8g/";

    /** The namespace of the vocabulary as a resource. */
    public static final Resource NAMESPACE = ResourceFactory.createResource(NS);

    private CV() {
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

    // the Core Vocabulary terms CPSV-AP 3 services use most (same IRIs as in M8G)
    public static final Resource PublicOrganisation = M8G.PublicOrganisation;
    public static final Resource Channel = M8G.Channel;
    public static final Resource ContactPoint = M8G.ContactPoint;
    public static final Resource Requirement = M8G.Requirement;
    public static final Resource Output = M8G.Output;
    public static final Property hasCompetentAuthority = M8G.hasCompetentAuthority;
    public static final Property hasChannel = M8G.hasChannel;
    public static final Property contactPoint = M8G.contactPoint;
    public static final Property holdsRequirement = M8G.holdsRequirement;
    public static final Property email = M8G.email;
    public static final Property telephone = M8G.telephone;
    public static final Property contactPage = M8G.contactPage;
    public static final Property openingHours = M8G.openingHours;
}
