package se.insatsnavet.hub.services;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import se.insatsnavet.hub.store.CatalogStore;
import se.insatsnavet.schema.rdf.ServiceRdf;
import se.insatsnavet.schema.vocab.CPSV;
import se.insatsnavet.schema.vocab.HubIris;
import se.insatsnavet.schema.vocab.ADMS;
import se.insatsnavet.schema.vocab.INSV;
import se.insatsnavet.schema.vocab.M8G;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads published services out of the dataset: one by id, or a filtered page. Queries are built with
 * {@link ParameterizedSparqlString}; every read is one read transaction. Blocking: call from workers.
 */
public final class ServiceCatalog {

    private final CatalogStore store;
    private final HubIris iris;
    private final ServiceRdf rdf;

    public ServiceCatalog(CatalogStore store, ServiceRdf rdf) {
        this.store = store;
        this.rdf = rdf;
        this.iris = rdf.iris();
    }

    /** The URI of a service id. */
    public String serviceUri(String serviceId) {
        return iris.service(serviceId);
    }

    /** The RDF description of a published service, if it is published. */
    public Optional<Model> describe(String serviceId) {
        return store.describe(iris.service(serviceId));
    }

    /** The canonical JSON of a service described by {@code model}. */
    public ObjectNode canonical(Model model, String serviceId) {
        return rdf.fromRdf(model, iris.service(serviceId));
    }

    /** The canonical JSON of a published service (as imported), if it is published. */
    public Optional<ObjectNode> canonical(String serviceId) {
        String uri = iris.service(serviceId);
        return store.describe(uri).map(m -> rdf.fromRdf(m, uri));
    }

    /** A page of services matching {@code filter}, ordered by Swedish title (any title when there is none in Swedish). */
    public ServicePageResult find(ServiceFilter filter) {
        return store.read(ds -> {
            long total;
            try (QueryExecution qe = QueryExecution.dataset(ds).query(query(filter, true).asQuery()).build()) {
                ResultSet rs = qe.execSelect();
                total = rs.hasNext() ? rs.next().getLiteral("n").getLong() : 0;
            }
            List<ObjectNode> items = new ArrayList<>();
            try (QueryExecution qe = QueryExecution.dataset(ds).query(query(filter, false).asQuery()).build()) {
                ResultSet rs = qe.execSelect();
                while (rs.hasNext()) {
                    QuerySolution row = rs.next();
                    String uri = row.getResource("s").getURI();
                    store.describe(uri).ifPresent(m -> items.add(item(uri, rdf.fromRdf(m, uri))));
                }
            }
            return new ServicePageResult(items, total, filter.page(), filter.perPage());
        });
    }

    /** The URI of every published service. */
    public List<String> allServiceUris() {
        return store.read(ds -> {
            ParameterizedSparqlString pss = new ParameterizedSparqlString(
                    "SELECT DISTINCT ?s WHERE { GRAPH ?g { ?s ?type ?serviceClass } }");
            pss.setIri("type", RDF.type.getURI());
            pss.setIri("serviceClass", CPSV.PublicService.getURI());
            List<String> uris = new ArrayList<>();
            try (QueryExecution qe = QueryExecution.dataset(ds).query(pss.asQuery()).build()) {
                qe.execSelect().forEachRemaining(row -> uris.add(row.getResource("s").getURI()));
            }
            return uris;
        });
    }

    /** Canonical JSON prefixed with the hub's identifiers for the service. */
    public ObjectNode item(String uri, ObjectNode canonical) {
        String id = iris.serviceIdOf(uri).orElseThrow(() -> new IllegalStateException("Not a service IRI: " + uri));
        ObjectNode out = canonical.objectNode();
        out.put("id", id);
        out.put("uri", uri);
        out.put("federation", id.substring(0, id.indexOf('.')));
        out.setAll(canonical);
        return out;
    }

    private ParameterizedSparqlString query(ServiceFilter f, boolean count) {
        ParameterizedSparqlString pss = new ParameterizedSparqlString();
        pss.append(count ? "SELECT (COUNT(DISTINCT ?s) AS ?n) " : "SELECT ?s (SAMPLE(?title) AS ?t) ");
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
        if (more.status() != null) {
            pss.append("?s ?statusProp ?status . ");
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
        if (!count) {
            pss.append(" GROUP BY ?s ORDER BY LCASE(STR(?t)) ?s LIMIT " + f.perPage() + " OFFSET " + f.offset());
        }
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
        if (more.providerType() != null) {
            pss.setIri("authorityProp", M8G.hasCompetentAuthority.getURI());
            pss.setIri("typeProp", DCTerms.type.getURI());
            pss.setIri("providerType", iris.concept("provider-type", more.providerType()));
        }
        if (more.status() != null) {
            pss.setIri("statusProp", ADMS.status.getURI());
            pss.setIri("status", iris.concept("status", more.status()));
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
            pss.setIri("broader", org.apache.jena.vocabulary.SKOS.broader.getURI());
        }
        return pss;
    }
}
