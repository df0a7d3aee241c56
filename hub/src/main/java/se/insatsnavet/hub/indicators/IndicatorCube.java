package se.insatsnavet.hub.indicators;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import se.insatsnavet.connectors.descriptor.FederationDescriptor;
import se.insatsnavet.schema.vocab.HubIris;
import se.insatsnavet.schema.vocab.INSI;
import se.insatsnavet.schema.vocab.QB;
import se.insatsnavet.schema.vocab.SDMX;

import java.math.BigInteger;
import java.util.List;

/**
 * A federation's published figures as an RDF Data Cube: one {@code qb:DataSet}
 * ({@code <base>id/indicators/<federation>}, structure {@code insi:structure}) and one {@code qb:Observation}
 * per figure, with the dimensions service, year ({@code insi:year} ⊑ {@code sdmx-dimension:refPeriod}, {@code xsd:gYear}), sex
 * ({@code sdmx-code:sex-F/M/T}) and {@code qb:measureType}, the measure's value and, for a share, its base.
 */
public final class IndicatorCube {

    private final HubIris iris;

    public IndicatorCube(HubIris iris) {
        this.iris = iris;
    }

    public Model build(FederationDescriptor federation, List<Figure> figures) {
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefix("qb", QB.NS).setNsPrefix("insi", INSI.NS).setNsPrefix("sdmx-dimension", SDMX.DIMENSION_NS)
                .setNsPrefix("sdmx-code", SDMX.CODE_NS).setNsPrefix("dct", DCTerms.NS);
        String name = federation.name().getOrDefault("sv", federation.id());
        Resource dataSet = m.createResource(iris.indicatorDataSet(federation.id()))
                .addProperty(RDF.type, QB.DataSet)
                .addProperty(QB.structure, INSI.structure)
                .addProperty(DCTerms.title, "Resultatindikatorer – " + name, "sv")
                .addProperty(DCTerms.title, "Outcome indicators – " + federation.name().getOrDefault("en", name), "en")
                .addProperty(DCTerms.publisher, m.createResource(iris.organisation(federation.id())));
        for (Figure f : figures) {
            String serviceId = HubIris.serviceId(federation.id(), f.service());
            Resource obs = m.createResource(iris.indicatorObservation(federation.id(), f.service(), f.period(), f.sex(),
                            f.measure().key()))
                    .addProperty(RDF.type, QB.Observation)
                    .addProperty(QB.dataSet, dataSet)
                    .addProperty(INSI.service, m.createResource(iris.service(serviceId)))
                    .addLiteral(INSI.year, m.createTypedLiteral(f.period(), XSDDatatype.XSDgYear))
                    .addProperty(SDMX.sex, sex(f.sex()))
                    .addProperty(QB.measureType, f.measure().property());
            if (f.measure().isShare()) {
                obs.addLiteral(f.measure().property(), m.createTypedLiteral(f.value(), XSDDatatype.XSDdecimal));
                obs.addLiteral(INSI.basedOn, m.createTypedLiteral(BigInteger.valueOf(f.base()), XSDDatatype.XSDinteger));
            } else {
                obs.addLiteral(f.measure().property(), m.createTypedLiteral(f.value().toBigIntegerExact(), XSDDatatype.XSDinteger));
            }
        }
        return m;
    }

    static Resource sex(String code) {
        return switch (code) {
            case "F" -> SDMX.sexFemale;
            case "M" -> SDMX.sexMale;
            case "T" -> SDMX.sexTotal;
            default -> throw new IllegalArgumentException("sex code must be F, M or T: " + code);
        };
    }

    static String sexCode(String iri) {
        if (SDMX.sexFemale.getURI().equals(iri)) {
            return "F";
        }
        if (SDMX.sexMale.getURI().equals(iri)) {
            return "M";
        }
        return SDMX.sexTotal.getURI().equals(iri) ? "T" : null;
    }
}
