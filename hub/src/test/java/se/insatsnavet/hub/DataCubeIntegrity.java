package se.insatsnavet.hub;

import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.update.UpdateAction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The W3C RDF Data Cube integrity constraints that apply to the hub's indicator cubes (sections 11.1 and 11.2
 * of the recommendation): the normalisation algorithm's first phase, then each constraint's ASK query, which
 * is true when the constraint is violated. Not checked: IC-5 to IC-10 (concepts, code lists' hierarchies, slices:
 * not used), IC-13 (no required attribute), IC-14 (the cube uses a measure dimension), IC-17 (all measures at
 * every point: a withheld or unreported figure is absent by design, a placeholder value would break IC-15),
 * IC-18 and IC-20/21 (no slices, no hierarchical code lists).
 */
final class DataCubeIntegrity {

    private static final String PREFIXES = """
            PREFIX rdf:  <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX qb:   <http://purl.org/linked-data/cube#>
            """;

    /** Phase 1 of the normalisation algorithm: type and property closure. */
    private static final String NORMALISE = PREFIXES + """
            INSERT { ?o rdf:type ?t } WHERE { ?o rdf:type ?c . ?c rdfs:subClassOf ?t } ;
            INSERT { ?x ?p2 ?y } WHERE { ?p rdfs:subPropertyOf ?p2 . ?x ?p ?y } ;
            INSERT { ?cs qb:componentProperty ?p . ?p rdf:type qb:DimensionProperty } WHERE { ?cs qb:dimension ?p } ;
            INSERT { ?cs qb:componentProperty ?p . ?p rdf:type qb:MeasureProperty } WHERE { ?cs qb:measure ?p } ;
            INSERT { ?cs qb:componentProperty ?p . ?p rdf:type qb:AttributeProperty } WHERE { ?cs qb:attribute ?p } ;
            INSERT { ?o rdf:type qb:Observation } WHERE { ?o qb:dataSet ?ds } ;
            INSERT { ?ds rdf:type qb:DataSet } WHERE { ?o qb:dataSet ?ds }
            """;

    private static final Map<String, String> CONSTRAINTS = constraints();

    private DataCubeIntegrity() {
    }

    /** The names of the violated constraints ("IC-11 all dimensions required" …); empty when the cube is well-formed. */
    static List<String> violations(Model cube) {
        Model m = ModelFactory.createDefaultModel().add(cube);
        UpdateAction.parseExecute(NORMALISE, m);
        List<String> violated = new ArrayList<>();
        CONSTRAINTS.forEach((name, ask) -> {
            try (QueryExecution q = QueryExecution.model(m).query(PREFIXES + ask).build()) {
                if (q.execAsk()) {
                    violated.add(name);
                }
            }
        });
        return violated;
    }

    private static Map<String, String> constraints() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("IC-1 unique data set", """
                ASK { { ?obs a qb:Observation . FILTER NOT EXISTS { ?obs qb:dataSet ?dataset1 . } }
                  UNION { ?obs a qb:Observation ; qb:dataSet ?dataset1, ?dataset2 . FILTER (?dataset1 != ?dataset2) } }""");
        c.put("IC-2 unique DSD", """
                ASK { { ?dataset a qb:DataSet . FILTER NOT EXISTS { ?dataset qb:structure ?dsd . } }
                  UNION { ?dataset a qb:DataSet ; qb:structure ?dsd1, ?dsd2 . FILTER (?dsd1 != ?dsd2) } }""");
        c.put("IC-3 DSD includes measure", """
                ASK { ?dsd a qb:DataStructureDefinition .
                  FILTER NOT EXISTS { ?dsd qb:component [ qb:componentProperty [ a qb:MeasureProperty ] ] } }""");
        c.put("IC-4 dimensions have range", """
                ASK { ?dim a qb:DimensionProperty . FILTER NOT EXISTS { ?dim rdfs:range [] } }""");
        c.put("IC-11 all dimensions required", """
                ASK { ?obs qb:dataSet/qb:structure/qb:component/qb:componentProperty ?dim .
                  ?dim a qb:DimensionProperty . FILTER NOT EXISTS { ?obs ?dim [] } }""");
        c.put("IC-12 no duplicate observations", """
                ASK { FILTER( ?allEqual ) {
                  SELECT (MIN(?equal) AS ?allEqual) WHERE {
                    ?obs1 qb:dataSet ?dataset . ?obs2 qb:dataSet ?dataset . FILTER (?obs1 != ?obs2)
                    ?dataset qb:structure/qb:component/qb:componentProperty ?dim . ?dim a qb:DimensionProperty .
                    ?obs1 ?dim ?value1 . ?obs2 ?dim ?value2 .
                    BIND( ?value1 = ?value2 AS ?equal)
                  } GROUP BY ?obs1 ?obs2 } }""");
        c.put("IC-15 measure dimension consistent", """
                ASK { ?obs qb:dataSet/qb:structure ?dsd ; qb:measureType ?measure .
                  ?dsd qb:component/qb:componentProperty qb:measureType .
                  FILTER NOT EXISTS { ?obs ?measure [] } }""");
        c.put("IC-16 single measure on measure dimension observation", """
                ASK { ?obs qb:dataSet/qb:structure ?dsd ; qb:measureType ?measure ; ?omeasure [] .
                  ?dsd qb:component/qb:componentProperty qb:measureType ;
                       qb:component/qb:componentProperty ?omeasure .
                  ?omeasure a qb:MeasureProperty .
                  FILTER (?omeasure != ?measure) }""");
        c.put("IC-19 codes from code list", """
                ASK { ?obs qb:dataSet/qb:structure/qb:component/qb:componentProperty ?dim .
                  ?dim a qb:DimensionProperty ; qb:codeList ?list . ?list a skos:ConceptScheme .
                  ?obs ?dim ?v . FILTER NOT EXISTS { ?v a skos:Concept ; skos:inScheme ?list } }""");
        return c;
    }
}
