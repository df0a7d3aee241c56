package se.insatsnavet.hub.sparql;

import org.apache.jena.query.QueryFactory;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ServiceClausesTest {

    private static Optional<String> first(String query) {
        return ServiceClauses.first(QueryFactory.create(query));
    }

    @Test
    void findsTheEndpointOfAServiceWhetherAnIriOrAVariableSilentOrNot() {
        assertEquals(Optional.of("http://127.0.0.1:9/x"), first("SELECT * { SERVICE <http://127.0.0.1:9/x> { ?s ?p ?o } }"));
        assertEquals(Optional.of("http://127.0.0.1:9/x"), first("SELECT * { SERVICE SILENT <http://127.0.0.1:9/x> { ?s ?p ?o } }"));
        assertEquals(Optional.of("?e"), first("SELECT * { SERVICE ?e { ?s ?p ?o } }"));
        assertEquals(Optional.of("?e"), first("SELECT * { BIND(1 AS ?x) } ORDER BY (NOT EXISTS { SERVICE SILENT ?e { ?s ?p ?o } })"));
        assertEquals(Optional.of("?e"), first("SELECT ?x WHERE { ?x ?p ?o } GROUP BY ?x (EXISTS { SERVICE ?e { } })"));
    }

    @Test
    void wordsThatOnlyLookLikeServiceAreNotRefused() {
        for (String query : List.of(
                "PREFIX service: <http://example.org/service#> SELECT ?service WHERE { ?service service:service \"(service <http://x> {})\" }",
                "SELECT * WHERE { ?s <http://example.org/service> ?o FILTER(CONTAINS(STR(?o), \"SERVICE <http://x>\")) }",
                "ASK { <http://example.org/service> ?p ?o }",
                "DESCRIBE <http://example.org/service>")) {
            assertEquals(Optional.empty(), first(query), query);
        }
    }
}
