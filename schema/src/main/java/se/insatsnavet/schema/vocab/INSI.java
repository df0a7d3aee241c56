package se.insatsnavet.schema.vocab;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * Insatsnavet's outcome-indicator terms (file {@code indicators.ttl}, prefix {@code insi}): the Data Cube
 * structure of the aggregated follow-up figures federations publish per service, period and sex.
 */
public final class INSI {

    /** The namespace of the vocabulary as a string. */
    public static final String NS = "https://insatsnavet.se/ns/indicator#";

    /** The namespace of the vocabulary as a resource. */
    public static final Resource NAMESPACE = ResourceFactory.createResource(NS);

    /** The vocabulary (ontology) resource itself. */
    public static final Resource ONTOLOGY = ResourceFactory.createResource("https://insatsnavet.se/ns/indicator");

    private INSI() {
    }

    /** The namespace of the vocabulary as a string. */
    public static String getURI() {
        return NS;
    }

    private static Property property(String local) {
        return ResourceFactory.createProperty(NS, local);
    }

    /** The data structure definition every federation's indicator data set uses. */
    public static final Resource structure = ResourceFactory.createResource(NS + "structure");

    // dimension
    /** The service an observation is about. */
    public static final Property service = property("service");
    /** The year an observation is for ({@code xsd:gYear}); a sub-property of {@code sdmx-dimension:refPeriod}. */
    public static final Property year = property("year");

    // measures
    public static final Property participants = property("participants");
    public static final Property exits = property("exits");
    public static final Property workOrStudiesAtExit = property("workOrStudiesAtExit");
    public static final Property workOrStudies6Months = property("workOrStudies6Months");
    public static final Property workOrStudies18Months = property("workOrStudies18Months");
    public static final Property stepMovement = property("stepMovement");

    // attribute
    /** How many persons a share is computed from (its denominator). */
    public static final Property basedOn = property("basedOn");
}
