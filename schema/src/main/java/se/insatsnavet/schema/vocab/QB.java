package se.insatsnavet.schema.vocab;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** The W3C RDF Data Cube vocabulary (prefix {@code qb}). Modelled on Jena's {@code org.apache.jena.vocabulary.DCAT}. */
public final class QB {

    /** The namespace of the vocabulary as a string. */
    public static final String NS = "http://purl.org/linked-data/cube#";

    /** The namespace of the vocabulary as a resource. */
    public static final Resource NAMESPACE = ResourceFactory.createResource(NS);

    private QB() {
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
    public static final Resource DataSet = resource("DataSet");
    public static final Resource Observation = resource("Observation");
    public static final Resource DataStructureDefinition = resource("DataStructureDefinition");
    public static final Resource ComponentSpecification = resource("ComponentSpecification");
    public static final Resource ComponentProperty = resource("ComponentProperty");
    public static final Resource DimensionProperty = resource("DimensionProperty");
    public static final Resource MeasureProperty = resource("MeasureProperty");
    public static final Resource AttributeProperty = resource("AttributeProperty");
    public static final Resource CodedProperty = resource("CodedProperty");

    // properties
    public static final Property dataSet = property("dataSet");
    public static final Property structure = property("structure");
    public static final Property component = property("component");
    public static final Property dimension = property("dimension");
    public static final Property measure = property("measure");
    public static final Property attribute = property("attribute");
    public static final Property order = property("order");
    public static final Property componentRequired = property("componentRequired");
    public static final Property componentAttachment = property("componentAttachment");
    public static final Property codeList = property("codeList");
    /** The measure dimension: which measure an observation's value is for. */
    public static final Property measureType = property("measureType");
}
