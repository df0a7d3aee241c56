package se.insatsnavet.schema.vocab;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * The SDMX-RDF terms used with the Data Cube vocabulary: content-oriented dimensions ({@code sdmx-dimension}),
 * attributes ({@code sdmx-attribute}) and code lists ({@code sdmx-code}).
 */
public final class SDMX {

    /** {@code sdmx-dimension:}. */
    public static final String DIMENSION_NS = "http://purl.org/linked-data/sdmx/2009/dimension#";
    /** {@code sdmx-attribute:}. */
    public static final String ATTRIBUTE_NS = "http://purl.org/linked-data/sdmx/2009/attribute#";
    /** {@code sdmx-code:}. */
    public static final String CODE_NS = "http://purl.org/linked-data/sdmx/2009/code#";

    private SDMX() {
    }

    // dimensions
    /** The reference period of an observation (here an {@code xsd:gYear}). */
    public static final Property refPeriod = ResourceFactory.createProperty(DIMENSION_NS, "refPeriod");
    /** Sex, coded with {@link #sexScheme}. */
    public static final Property sex = ResourceFactory.createProperty(DIMENSION_NS, "sex");

    // attributes
    /** The status of an observation's value. */
    public static final Property obsStatus = ResourceFactory.createProperty(ATTRIBUTE_NS, "obsStatus");
    /** The unit a value is measured in. */
    public static final Property unitMeasure = ResourceFactory.createProperty(ATTRIBUTE_NS, "unitMeasure");

    // codes
    /** The code list of sex. */
    public static final Resource sexScheme = ResourceFactory.createResource(CODE_NS + "sex");
    public static final Resource sexFemale = ResourceFactory.createResource(CODE_NS + "sex-F");
    public static final Resource sexMale = ResourceFactory.createResource(CODE_NS + "sex-M");
    public static final Resource sexTotal = ResourceFactory.createResource(CODE_NS + "sex-T");
}
