package se.insatsnavet.hub.services;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import se.insatsnavet.schema.vocab.ADMS;
import se.insatsnavet.schema.vocab.CPSV;
import se.insatsnavet.schema.vocab.HubIris;
import se.insatsnavet.schema.vocab.INSV;
import se.insatsnavet.schema.vocab.M8G;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * The SPARQL pattern of a {@link ServiceFilter} for {@link ServiceCatalog}'s queries: {@link #appendWhere} writes the
 * {@code WHERE} clause with variables only, {@link #setParameters} sets their values (IRIs and literals as parameters,
 * never concatenated).
 */
final class ServiceFilterSparql {

    private final HubIris iris;

    ServiceFilterSparql(HubIris iris) {
        this.iris = iris;
    }

    /** The {@code WHERE { … }} of a filter: binds every matching service to {@code ?s} (and its title to ?title). */
    static void appendWhere(ParameterizedSparqlString pss, ServiceFilter f) {
        pss.append("WHERE { GRAPH ?g { ?s ?type ?serviceClass ; ?titleProp ?title . ");
        pss.append("FILTER(langMatches(lang(?title), \"sv\") || NOT EXISTS { ?s ?titleProp ?svTitle . "
                + "FILTER(langMatches(lang(?svTitle), \"sv\")) }) ");
        if (f.municipality() != null) {
            pss.append("?s ?spatialProp ?municipality . ");
        }
        if (f.targetGroup() != null) {
            pss.append("?s ?targetGroupProp ?targetGroup . ");
        }
        ServiceFilter.More more = f.more();
        if (more.method() != null) {
            pss.append("?s ?methodProp ?method . ");
        }
        if (more.providerType() != null) {
            pss.append("?s ?authorityProp ?authority . ?authority ?typeProp ?providerType . ");
        }
        if (more.organisation() != null) {
            pss.append("?s ?authorityProp ?organisation . ");
        }
        if (StatusFilter.byCodes(more.status())) {
            pss.append("?s ?statusProp ?status . FILTER(?status IN (");
            String[] codes = more.status().split(",");
            for (int i = 0; i < codes.length; i++) {
                pss.append(i == 0 ? "?status0" : ", ?status" + i);
            }
            pss.append(")) ");
        } else if (StatusFilter.CURRENT.equals(more.status())) {
            // a service without a status is active
            pss.append("OPTIONAL { ?s ?statusProp ?status } FILTER(!BOUND(?status) || ?status = ?activeStatus "
                    + "|| ?status = ?plannedStatus && EXISTS { ?s ?temporalProp ?period . ?period ?startProp ?start . "
                    + "FILTER(?start <= ?soon) }) ");
        }
        if (more.modifiedAfter() != null) {
            pss.append("?s ?modifiedProp ?modified . FILTER(?modified > ?after) ");
        }
        if (more.anyOf() != null) {
            pss.append("FILTER EXISTS { ?s ?anyOfProp ?anyValue } ");
        }
        if (more.age() != null) {
            pss.append("OPTIONAL { ?s ?minAgeProp ?minAge } OPTIONAL { ?s ?maxAgeProp ?maxAge } ");
            pss.append("FILTER((!BOUND(?minAge) || ?minAge <= ?age) && (!BOUND(?maxAge) || ?maxAge >= ?age)) ");
        }
        if (more.county() != null) {
            pss.append("?s ?spatialProp ?place . ");
        }
        if (!f.q().isEmpty()) {
            pss.append("?s ?descriptionProp ?description . ");
            pss.append("BIND(LCASE(CONCAT(STR(?title), \" \", STR(?description))) AS ?text) ");
            for (int i = 0; i < f.q().size(); i++) {
                pss.append("FILTER(CONTAINS(?text, ?word" + i + ")) ");
            }
        }
        pss.append("} ");
        if (more.county() != null) {
            pss.append("{ BIND(?county AS ?place) } UNION { GRAPH ?referenceGraph { ?place ?broader ?county } } ");
        }
        if (f.federation() != null) {
            pss.append("FILTER(?g = ?federationGraph) ");
        }
        pss.append("}");
    }

    /** Sets the parameters of the pattern {@link #appendWhere} wrote for the same filter. */
    void setParameters(ParameterizedSparqlString pss, ServiceFilter f) {
        ServiceFilter.More more = f.more();
        pss.setIri("type", RDF.type.getURI());
        pss.setIri("serviceClass", CPSV.PublicService.getURI());
        pss.setIri("titleProp", DCTerms.title.getURI());
        if (f.municipality() != null) {
            pss.setIri("spatialProp", DCTerms.spatial.getURI());
            pss.setIri("municipality", iris.municipality(f.municipality()));
        }
        if (f.targetGroup() != null) {
            pss.setIri("targetGroupProp", INSV.targetGroup.getURI());
            pss.setIri("targetGroup", iris.concept("target-group", f.targetGroup()));
        }
        if (!f.q().isEmpty()) {
            pss.setIri("descriptionProp", DCTerms.description.getURI());
            for (int i = 0; i < f.q().size(); i++) {
                pss.setLiteral("word" + i, f.q().get(i).toLowerCase(Locale.ROOT));
            }
        }
        if (f.federation() != null) {
            pss.setIri("federationGraph", iris.federationGraph(f.federation()));
        }
        if (more.method() != null) {
            pss.setIri("methodProp", INSV.method.getURI());
            pss.setIri("method", iris.concept("method", more.method()));
        }
        if (more.providerType() != null || more.organisation() != null) {
            pss.setIri("authorityProp", M8G.hasCompetentAuthority.getURI());
        }
        if (more.providerType() != null) {
            pss.setIri("typeProp", DCTerms.type.getURI());
            pss.setIri("providerType", iris.concept("provider-type", more.providerType()));
        }
        if (more.organisation() != null) {
            pss.setIri("organisation", more.organisation());
        }
        if (StatusFilter.byCodes(more.status())) {
            pss.setIri("statusProp", ADMS.status.getURI());
            String[] codes = more.status().split(",");
            for (int i = 0; i < codes.length; i++) {
                pss.setIri("status" + i, iris.concept("status", codes[i].trim()));
            }
        } else if (StatusFilter.CURRENT.equals(more.status())) {
            pss.setIri("statusProp", ADMS.status.getURI());
            pss.setIri("activeStatus", iris.concept("status", StatusFilter.ACTIVE));
            pss.setIri("plannedStatus", iris.concept("status", StatusFilter.PLANNED));
            pss.setIri("temporalProp", DCTerms.temporal.getURI());
            pss.setIri("startProp", DCAT.startDate.getURI());
            pss.setLiteral("soon", StatusFilter.soon(LocalDate.now(ZoneOffset.UTC)).toString(), XSDDatatype.XSDdate);
        }
        if (more.modifiedAfter() != null) {
            pss.setIri("modifiedProp", DCTerms.modified.getURI());
            pss.setLiteral("after", more.modifiedAfter().toString(), XSDDatatype.XSDdateTime);
        }
        if (more.anyOf() != null) {
            pss.setIri("anyOfProp", more.anyOf());
        }
        if (more.age() != null) {
            pss.setIri("minAgeProp", INSV.minAge.getURI());
            pss.setIri("maxAgeProp", INSV.maxAge.getURI());
            pss.setLiteral("age", more.age());
        }
        if (more.county() != null) {
            pss.setIri("spatialProp", DCTerms.spatial.getURI());
            pss.setIri("county", iris.county(more.county()));
            pss.setIri("referenceGraph", iris.referenceGraph());
            pss.setIri("broader", SKOS.broader.getURI());
        }
    }
}
