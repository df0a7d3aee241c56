package se.insatsnavet.hub.dcat;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;

/** Adds distributions and periods of time to the catalogue being built. */
final class Distributions {

    static final String DCATAP = "http://data.europa.eu/r5r/";
    static final Property AVAILABILITY = ResourceFactory.createProperty(DCATAP + "availability");

    private final Model m;

    Distributions(Model m) {
        this.m = m;
    }

    /** A distribution of the hub's own, documented endpoints or dumps: planned availability STABLE. */
    Resource add(Resource dataset, String uri, String title, String description, String accessUrl, String fileType,
                 String mediaType, Resource service) {
        return add(dataset, uri, title, description, accessUrl, fileType, mediaType, service, "STABLE");
    }

    Resource add(Resource dataset, String uri, String title, String description, String accessUrl, String fileType,
                 String mediaType, Resource service, String availability) {
        Resource d = m.createResource(uri).addProperty(RDF.type, DCAT.Distribution)
                .addProperty(DCTerms.title, title, "sv")
                .addProperty(DCTerms.description, description, "sv")
                .addProperty(DCAT.accessURL, m.createResource(accessUrl))
                .addProperty(DCTerms.format, EuVocabularies.format(m, fileType))
                .addProperty(DCAT.mediaType, EuVocabularies.mediaType(m, mediaType))
                .addProperty(DCTerms.license, CatalogDescription.CC0)
                .addProperty(AVAILABILITY, EuVocabularies.availability(m, availability));
        if (service != null) {
            d.addProperty(DCAT.accessService, service);
        }
        dataset.addProperty(DCAT.distribution, d);
        return d;
    }

    /** The period between the first and the latest change the hub recorded (a blank node of the dataset). */
    void temporal(Resource dataset, CatalogFacts.Period p) {
        dataset.addProperty(DCTerms.temporal, m.createResource().addProperty(RDF.type, DCTerms.PeriodOfTime)
                .addLiteral(DCAT.startDate, m.createTypedLiteral(p.first().toString(), XSDDatatype.XSDdateTime))
                .addLiteral(DCAT.endDate, m.createTypedLiteral(p.latest().toString(), XSDDatatype.XSDdateTime)));
    }

    /** The first and the last day of the usage statistics. */
    void temporal(Resource dataset, CatalogFacts.Days days) {
        dataset.addProperty(DCTerms.temporal, m.createResource().addProperty(RDF.type, DCTerms.PeriodOfTime)
                .addLiteral(DCAT.startDate, m.createTypedLiteral(days.first().toString(), XSDDatatype.XSDdate))
                .addLiteral(DCAT.endDate, m.createTypedLiteral(days.last().toString(), XSDDatatype.XSDdate)));
    }
}
