package se.insatsnavet.hub.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import se.insatsnavet.hub.store.CatalogStore;
import se.insatsnavet.schema.rdf.ServiceRdf;
import se.insatsnavet.schema.vocab.CPSV;
import se.insatsnavet.schema.vocab.HubIris;
import se.insatsnavet.schema.vocab.ADMS;
import se.insatsnavet.schema.vocab.INSV;
import se.insatsnavet.schema.vocab.M8G;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads published services out of the dataset: one by id, or a filtered page. Queries are built with
 * {@link ParameterizedSparqlString} and run by the store (TDB2 or a remote SPARQL store). Blocking: call from workers.
 */
public final class ServiceCatalog {

    private final CatalogStore store;
    private final HubIris iris;
    private final ServiceRdf rdf;
    private volatile se.insatsnavet.hub.search.ServiceIndex index;

    public ServiceCatalog(CatalogStore store, ServiceRdf rdf) {
        this.store = store;
        this.rdf = rdf;
        this.iris = rdf.iris();
    }

    /** The URI of a service id. */
    public String serviceUri(String serviceId) {
        return iris.service(serviceId);
    }

    /** The service id of a hub service IRI; empty for any other IRI. */
    public Optional<String> serviceIdOf(String uri) {
        return iris.serviceIdOf(uri);
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

    /** Answers {@link #find} with the search engine from now on. */
    public void useIndex(se.insatsnavet.hub.search.ServiceIndex serviceIndex) {
        this.index = serviceIndex;
    }

    /**
     * The search engine's count of visible changes ({@link se.insatsnavet.hub.search.ServiceIndex#generation}),
     * or -1 without a search engine (then results are never reused).
     */
    public long searchGeneration() {
        se.insatsnavet.hub.search.ServiceIndex engine = index;
        return engine == null ? -1 : engine.generation();
    }

    /**
     * A page of services matching {@code filter}: with the search engine, by relevance when there are words
     * (else by title), with facet counts and snippets when asked for.
     */
    public ServicePageResult search(ServiceFilter filter, boolean facets, boolean snippets) {
        se.insatsnavet.hub.search.ServiceIndex engine = index;
        if (engine == null) {
            return findBySparql(filter);
        }
        se.insatsnavet.hub.search.ServiceIndex.Hits hits = engine.search(filter, facets, snippets);
        // the index keeps each service's item as published (it is updated before a run is recorded)
        return ServicePageResult.ofJson(hits.json(), hits.snippets(), hits.total(), filter.page(), filter.perPage(), hits.facets());
    }

    /** A page of services matching {@code filter} (the search engine when there is one; no facets). */
    public ServicePageResult find(ServiceFilter filter) {
        return search(filter, false, false);
    }

    /** A page of services matching {@code filter} by SPARQL, ordered by Swedish title (any title when there is none in Swedish). */
    public ServicePageResult findBySparql(ServiceFilter filter) {
        return store.inOneRead(() -> {
            long total = store.query(query(filter, true).asQuery(), qe -> {
                ResultSet rs = qe.execSelect();
                return rs.hasNext() ? rs.next().getLiteral("n").getLong() : 0L;
            });
            List<String> uris = store.query(query(filter, false).asQuery(), qe -> {
                List<String> page = new ArrayList<>();
                qe.execSelect().forEachRemaining(row -> page.add(row.getResource("s").getURI()));
                return page;
            });
            List<ObjectNode> items = new ArrayList<>();
            store.describeEach(uris, (uri, m) -> items.add(item(uri, m)));
            return new ServicePageResult(items, total, filter.page(), filter.perPage());
        });
    }

    /** The URI of every published service. */
    public List<String> allServiceUris() {
        return serviceUris(null);
    }

    /** The URIs of the services in one graph, or in any graph when {@code graphIri} is null. */
    private List<String> serviceUris(String graphIri) {
        ParameterizedSparqlString pss = new ParameterizedSparqlString(
                "SELECT DISTINCT ?s WHERE { GRAPH ?g { ?s ?type ?serviceClass } }");
        if (graphIri != null) {
            pss.setIri("g", graphIri);
        }
        pss.setIri("type", RDF.type.getURI());
        pss.setIri("serviceClass", CPSV.PublicService.getURI());
        return store.query(pss.asQuery(), qe -> {
            List<String> uris = new ArrayList<>();
            qe.execSelect().forEachRemaining(row -> uris.add(row.getResource("s").getURI()));
            return uris;
        });
    }

    /**
     * The item of a service described by {@code model}: its canonical JSON prefixed with the hub's identifiers
     * and followed by {@code modified}, when the hub last published a change to it.
     */
    public ObjectNode item(String uri, Model model) {
        ObjectNode out = item(uri, rdf.fromRdf(model, uri));
        org.apache.jena.rdf.model.Statement modified = model.getResource(uri).getProperty(DCTerms.modified);
        if (modified != null && modified.getObject().isLiteral()) {
            out.put("modified", modified.getString());
        }
        return out;
    }

    /** The item of a published service id, if it is published. */
    public Optional<ObjectNode> itemOfId(String serviceId) {
        String uri;
        try {
            uri = iris.service(serviceId);
        } catch (IllegalArgumentException notAServiceId) {
            return Optional.empty();
        }
        return itemOf(uri);
    }

    /**
     * The published items ({@link #item(String, Model)}) of many services by id, read together
     * ({@link CatalogStore#describeEach}); ids not published are absent from the map.
     */
    public Map<String, ObjectNode> itemsOfIds(Collection<String> serviceIds) {
        Map<String, String> idsByUri = new LinkedHashMap<>();
        serviceIds.forEach(id -> idsByUri.put(iris.service(id), id));
        Map<String, ObjectNode> items = new HashMap<>();
        store.describeEach(List.copyOf(idsByUri.keySet()), (uri, m) -> items.put(idsByUri.get(uri), item(uri, m)));
        return items;
    }

    /** The Swedish name (another language's when it has none) of each published service among these ids. */
    public Map<String, String> namesOfIds(Collection<String> serviceIds) {
        Map<String, String> names = new HashMap<>();
        itemsOfIds(serviceIds).forEach((id, item) -> {
            JsonNode title = item.path("title");
            String name = title.path("sv").asText("");
            if (name.isEmpty() && title.size() > 0) {
                name = title.elements().next().asText("");
            }
            if (!name.isEmpty()) {
                names.put(id, name);
            }
        });
        return names;
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
        appendWhere(pss, f);
        if (!count) {
            pss.append(" GROUP BY ?s ORDER BY LCASE(STR(?t)) ?s LIMIT " + f.perPage() + " OFFSET " + f.offset());
        }
        setParameters(pss, f);
        return pss;
    }

    /** The {@code WHERE { … }} of a filter: binds every matching service to {@code ?s} (and its title to ?title). */
    private static void appendWhere(ParameterizedSparqlString pss, ServiceFilter f) {
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

    private void setParameters(ParameterizedSparqlString pss, ServiceFilter f) {
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
            pss.setIri("broader", org.apache.jena.vocabulary.SKOS.broader.getURI());
        }
    }

    /** An organisation that provides published services: IRI, name (Swedish, else any) and number of services. */
    public record Organisation(String iri, String name, long services) {
    }

    /** The providers of the services matching {@code filter} (page and size ignored), ordered by name. */
    public List<Organisation> organisations(ServiceFilter filter) {
        ParameterizedSparqlString pss = new ParameterizedSparqlString();
        pss.append("SELECT ?org (SAMPLE(?name) AS ?n) (COUNT(DISTINCT ?s) AS ?count) WHERE { { SELECT DISTINCT ?s ");
        appendWhere(pss, filter);
        pss.append(" } GRAPH ?orgGraph { ?s ?providerProp ?org . ?org ?labelProp ?name . "
                + "FILTER(langMatches(lang(?name), \"sv\") || NOT EXISTS { ?org ?labelProp ?svName . "
                + "FILTER(langMatches(lang(?svName), \"sv\")) }) } } GROUP BY ?org ORDER BY LCASE(STR(?n)) ?org");
        setParameters(pss, filter);
        pss.setIri("providerProp", M8G.hasCompetentAuthority.getURI());
        pss.setIri("labelProp", org.apache.jena.vocabulary.SKOS.prefLabel.getURI());
        return store.query(pss.asQuery(), qe -> {
            List<Organisation> list = new ArrayList<>();
            qe.execSelect().forEachRemaining(row -> list.add(new Organisation(row.getResource("org").getURI(),
                    row.getLiteral("n").getString(), row.getLiteral("count").getLong())));
            return list;
        });
    }

    /** Every (service, municipality) pair of the published services. */
    public List<ServicePlace> allPlaces() {
        ParameterizedSparqlString pss = new ParameterizedSparqlString(
                "SELECT ?s ?place WHERE { GRAPH ?g { ?s ?type ?serviceClass ; ?spatialProp ?place } }");
        pss.setIri("type", RDF.type.getURI());
        pss.setIri("serviceClass", CPSV.PublicService.getURI());
        pss.setIri("spatialProp", DCTerms.spatial.getURI());
        return store.query(pss.asQuery(), qe -> {
            List<ServicePlace> places = new ArrayList<>();
            qe.execSelect().forEachRemaining(row -> {
                if (row.get("place").isURIResource()) {
                    iris.municipalityCodeOf(row.getResource("place").getURI())
                            .ifPresent(code -> places.add(new ServicePlace(row.getResource("s").getURI(), code)));
                }
            });
            return places;
        });
    }

    /** The IRI of a canonical provider object (as the RDF conversion names it). */
    public String organisationIri(com.fasterxml.jackson.databind.JsonNode provider) {
        return rdf.organisationIri(provider);
    }

    /** The URIs of at most {@code limit} services matching {@code filter} (page ignored), in URI order. */
    public List<String> matchingUris(ServiceFilter filter, int limit) {
        ParameterizedSparqlString pss = new ParameterizedSparqlString();
        pss.append("SELECT DISTINCT ?s ");
        appendWhere(pss, filter);
        pss.append(" ORDER BY ?s LIMIT " + limit);
        setParameters(pss, filter);
        return store.query(pss.asQuery(), qe -> {
            List<String> uris = new ArrayList<>();
            qe.execSelect().forEachRemaining(row -> uris.add(row.getResource("s").getURI()));
            return uris;
        });
    }

    /**
     * The URIs of at most {@code limit} published services whose source gave them the id {@code sourceId}: their
     * source record id ({@code insv:sourceRecord}) or a notation of one of their identifiers
     * ({@code adms:identifier}/{@code skos:notation}), in URI order.
     */
    public List<String> urisOfSourceId(String sourceId, int limit) {
        ParameterizedSparqlString pss = new ParameterizedSparqlString(
                "SELECT DISTINCT ?s WHERE { GRAPH ?g { ?s ?type ?serviceClass . "
                        + "{ ?s ?sourceRecordProp ?id } UNION { ?s ?identifierProp ?identifier . ?identifier ?notationProp ?id } } } "
                        + "ORDER BY ?s LIMIT " + limit);
        pss.setIri("type", RDF.type.getURI());
        pss.setIri("serviceClass", CPSV.PublicService.getURI());
        pss.setIri("sourceRecordProp", INSV.sourceRecord.getURI());
        pss.setIri("identifierProp", ADMS.identifier.getURI());
        pss.setIri("notationProp", SKOS.notation.getURI());
        pss.setLiteral("id", sourceId);
        return store.query(pss.asQuery(), qe -> {
            List<String> uris = new ArrayList<>();
            qe.execSelect().forEachRemaining(row -> uris.add(row.getResource("s").getURI()));
            return uris;
        });
    }

    /** Every published service's item ({@link #item(String, Model)}), in URI order (one read transaction on TDB2). */
    public void forEachItem(java.util.function.Consumer<ObjectNode> action) {
        store.inOneRead(() -> {
            List<String> uris = new ArrayList<>(allServiceUris());
            uris.sort(null);
            store.describeEach(uris, (uri, m) -> action.accept(item(uri, m)));
            return null;
        });
    }

    /** Like {@link #forEachItem}, for the services of one federation's graph only. */
    public void forEachItemOf(String federationId, java.util.function.Consumer<ObjectNode> action) {
        store.inOneRead(() -> {
            List<String> uris = new ArrayList<>(serviceUris(iris.federationGraph(federationId)));
            uris.sort(null);
            store.describeEach(uris, (uri, m) -> action.accept(item(uri, m)));
            return null;
        });
    }

    /** The published item ({@link #item}) of a service URI, if published. */
    public Optional<ObjectNode> itemOf(String uri) {
        return store.describe(uri).map(m -> item(uri, m));
    }

    /** A service offered in a municipality: the service's URI and the municipality's SCB code. */
    public record ServicePlace(String serviceUri, String municipality) {
    }

    /** A page of the (service, municipality) pairs of the services matching {@code filter}, and their total. */
    public record PlacePage(List<ServicePlace> places, long total) {
    }

    /**
     * The municipalities of the services matching {@code filter} as (service, municipality) pairs, ordered by
     * service URI and code, paged with the filter's page and size.
     */
    public PlacePage findPlaces(ServiceFilter filter) {
        return store.inOneRead(() -> {
            long total = store.query(placeQuery(filter, true).asQuery(), qe -> {
                ResultSet rs = qe.execSelect();
                return rs.hasNext() ? rs.next().getLiteral("n").getLong() : 0L;
            });
            List<ServicePlace> places = store.query(placeQuery(filter, false).asQuery(), qe -> {
                List<ServicePlace> page = new ArrayList<>();
                qe.execSelect().forEachRemaining(row -> {
                    String uri = row.getResource("s").getURI();
                    iris.municipalityCodeOf(row.getResource("place").getURI())
                            .ifPresent(code -> page.add(new ServicePlace(uri, code)));
                });
                return page;
            });
            return new PlacePage(places, total);
        });
    }

    private ParameterizedSparqlString placeQuery(ServiceFilter f, boolean count) {
        ParameterizedSparqlString pss = new ParameterizedSparqlString();
        pss.append(count ? "SELECT (COUNT(*) AS ?n) " : "SELECT ?s ?place ");
        pss.append("WHERE { { SELECT DISTINCT ?s ");
        appendWhere(pss, f);
        pss.append(" } GRAPH ?placeGraph { ?s ?servicePlaceProp ?place } FILTER(STRSTARTS(STR(?place), ?municipalityPrefix)) }");
        if (!count) {
            pss.append(" ORDER BY ?s ?place LIMIT " + f.perPage() + " OFFSET " + f.offset());
        }
        setParameters(pss, f);
        pss.setIri("servicePlaceProp", DCTerms.spatial.getURI());
        String example = iris.municipality("0180");
        pss.setLiteral("municipalityPrefix", example.substring(0, example.length() - 4));
        return pss;
    }
}
