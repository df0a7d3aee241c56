package se.insatsnavet.hub.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import se.insatsnavet.hub.search.ServiceIndex;
import se.insatsnavet.hub.store.CatalogStore;
import se.insatsnavet.schema.rdf.ServiceRdf;
import se.insatsnavet.schema.vocab.CPSV;
import se.insatsnavet.schema.vocab.HubIris;
import se.insatsnavet.schema.vocab.ADMS;
import se.insatsnavet.schema.vocab.INSV;
import se.insatsnavet.schema.vocab.M8G;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads published services out of the dataset: one by id, or a filtered page. Queries are built with
 * {@link ParameterizedSparqlString} and run by the store (TDB2 or a remote SPARQL store); {@link ServiceFilterSparql}
 * writes the pattern of a filter. Blocking: call from workers.
 */
public final class ServiceCatalog {

    private final CatalogStore store;
    private final HubIris iris;
    private final ServiceRdf rdf;
    private final ServiceFilterSparql filterSparql;
    private volatile ServiceIndex index;

    public ServiceCatalog(CatalogStore store, ServiceRdf rdf) {
        this.store = store;
        this.rdf = rdf;
        this.iris = rdf.iris();
        this.filterSparql = new ServiceFilterSparql(iris);
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
    public void useIndex(ServiceIndex serviceIndex) {
        this.index = serviceIndex;
    }

    /**
     * The search engine's count of visible changes ({@link ServiceIndex#generation}),
     * or -1 without a search engine (then results are never reused).
     */
    public long searchGeneration() {
        ServiceIndex engine = index;
        return engine == null ? -1 : engine.generation();
    }

    /**
     * A page of services matching {@code filter}: with the search engine, by relevance when there are words
     * (else by title), with facet counts and snippets when asked for.
     */
    public ServicePageResult search(ServiceFilter filter, boolean facets, boolean snippets) {
        ServiceIndex engine = index;
        if (engine == null) {
            return findBySparql(filter);
        }
        ServiceIndex.Hits hits = engine.search(filter, facets, snippets);
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
        Statement modified = model.getResource(uri).getProperty(DCTerms.modified);
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
        ServiceFilterSparql.appendWhere(pss, f);
        if (!count) {
            pss.append(" GROUP BY ?s ORDER BY LCASE(STR(?t)) ?s LIMIT " + f.perPage() + " OFFSET " + f.offset());
        }
        filterSparql.setParameters(pss, f);
        return pss;
    }

    /** An organisation that provides published services: IRI, name (Swedish, else any) and number of services. */
    public record Organisation(String iri, String name, long services) {
    }

    /** The providers of the services matching {@code filter} (page and size ignored), ordered by name. */
    public List<Organisation> organisations(ServiceFilter filter) {
        ParameterizedSparqlString pss = new ParameterizedSparqlString();
        pss.append("SELECT ?org (SAMPLE(?name) AS ?n) (COUNT(DISTINCT ?s) AS ?count) WHERE { { SELECT DISTINCT ?s ");
        ServiceFilterSparql.appendWhere(pss, filter);
        pss.append(" } GRAPH ?orgGraph { ?s ?providerProp ?org . ?org ?labelProp ?name . "
                + "FILTER(langMatches(lang(?name), \"sv\") || NOT EXISTS { ?org ?labelProp ?svName . "
                + "FILTER(langMatches(lang(?svName), \"sv\")) }) } } GROUP BY ?org ORDER BY LCASE(STR(?n)) ?org");
        filterSparql.setParameters(pss, filter);
        pss.setIri("providerProp", M8G.hasCompetentAuthority.getURI());
        pss.setIri("labelProp", SKOS.prefLabel.getURI());
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
    public String organisationIri(JsonNode provider) {
        return rdf.organisationIri(provider);
    }

    /** The URIs of at most {@code limit} services matching {@code filter} (page ignored), in URI order. */
    public List<String> matchingUris(ServiceFilter filter, int limit) {
        ParameterizedSparqlString pss = new ParameterizedSparqlString();
        pss.append("SELECT DISTINCT ?s ");
        ServiceFilterSparql.appendWhere(pss, filter);
        pss.append(" ORDER BY ?s LIMIT " + limit);
        filterSparql.setParameters(pss, filter);
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
    public void forEachItem(Consumer<ObjectNode> action) {
        store.inOneRead(() -> {
            List<String> uris = new ArrayList<>(allServiceUris());
            uris.sort(null);
            store.describeEach(uris, (uri, m) -> action.accept(item(uri, m)));
            return null;
        });
    }

    /** Like {@link #forEachItem}, for the services of one federation's graph only. */
    public void forEachItemOf(String federationId, Consumer<ObjectNode> action) {
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
        ServiceFilterSparql.appendWhere(pss, f);
        pss.append(" } GRAPH ?placeGraph { ?s ?servicePlaceProp ?place } FILTER(STRSTARTS(STR(?place), ?municipalityPrefix)) }");
        if (!count) {
            pss.append(" ORDER BY ?s ?place LIMIT " + f.perPage() + " OFFSET " + f.offset());
        }
        filterSparql.setParameters(pss, f);
        pss.setIri("servicePlaceProp", DCTerms.spatial.getURI());
        String example = iris.municipality("0180");
        pss.setLiteral("municipalityPrefix", example.substring(0, example.length() - 4));
        return pss;
    }
}
