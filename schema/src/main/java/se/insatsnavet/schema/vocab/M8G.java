package se.insatsnavet.schema.vocab;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** SEMIC Core Vocabularies / CPSV-AP 3 terms in the {@code http://data.europa.eu/m8g/} namespace (prefix {@code m8g}). Modelled on Jena's {@code org.apache.jena.vocabulary.DCAT}. */
public final class M8G {

    /** The namespace of the vocabulary as a string. */
    public static final String NS = "http://data.europa.eu/m8g/";

    /** The namespace of the vocabulary as a resource. */
    public static final Resource NAMESPACE = ResourceFactory.createResource(NS);

    private M8G() {
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
    public static final Resource PublicOrganisation = resource("PublicOrganisation");
    public static final Resource Channel = resource("Channel");
    public static final Resource ContactPoint = resource("ContactPoint");
    public static final Resource Requirement = resource("Requirement");
    public static final Resource Output = resource("Output");
    public static final Resource Evidence = resource("Evidence");
    public static final Resource EvidenceType = resource("EvidenceType");
    public static final Resource Cost = resource("Cost");
    public static final Resource Event = resource("Event");
    public static final Resource BusinessEvent = resource("BusinessEvent");
    public static final Resource LifeEvent = resource("LifeEvent");
    public static final Resource Participation = resource("Participation");

    // properties
    public static final Property hasCompetentAuthority = property("hasCompetentAuthority");
    public static final Property hasChannel = property("hasChannel");
    public static final Property contactPoint = property("contactPoint");
    public static final Property holdsRequirement = property("holdsRequirement");
    public static final Property email = property("email");
    public static final Property telephone = property("telephone");
    public static final Property contactPage = property("contactPage");
    public static final Property openingHours = property("openingHours");
    public static final Property specialOpeningHoursSpecification = property("specialOpeningHoursSpecification");
    public static final Property hasInputType = property("hasInputType");
    public static final Property hasCost = property("hasCost");
    public static final Property hasLegalResource = property("hasLegalResource");
    public static final Property hasParticipation = property("hasParticipation");
    public static final Property isClassifiedBy = property("isClassifiedBy");
    public static final Property isGroupedBy = property("isGroupedBy");
    public static final Property relatedService = property("relatedService");
    public static final Property sector = property("sector");
    public static final Property thematicArea = property("thematicArea");
    public static final Property processingTime = property("processingTime");
    public static final Property hasSupportingEvidence = property("hasSupportingEvidence");
    public static final Property fulfils = property("fulfils");
    public static final Property frequency = property("frequency");
    public static final Property ownedBy = property("ownedBy");
    public static final Property hasValue = property("hasValue");
    public static final Property currency = property("currency");
}
