package se.insatsnavet.hub.indicators;

import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import se.insatsnavet.hub.store.CatalogStore;
import se.insatsnavet.schema.vocab.HubIris;
import se.insatsnavet.schema.vocab.INSI;
import se.insatsnavet.schema.vocab.QB;
import se.insatsnavet.schema.vocab.SDMX;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the published indicator figures back from the dataset (the cube is the one source of truth), as rows
 * of one service, year and sex. Bounded: at most {@link #MAX_OBSERVATIONS} observations per call.
 */
public final class IndicatorQuery {

    /** Most observations one call reads; a result that reaches it is marked truncated. */
    public static final int MAX_OBSERVATIONS = 60_000;

    private final CatalogStore store;
    private final HubIris iris;

    public IndicatorQuery(CatalogStore store, HubIris iris) {
        this.store = store;
        this.iris = iris;
    }

    /** One service's figures of one year for one sex (F, M or T); measures without a published figure are absent. */
    public record Row(String serviceId, String period, String sex, Map<Measure, Figure> figures) {
    }

    /** The rows found, ordered by service, year and sex (F, M, T), and whether the limit cut them short. */
    public record Rows(List<Row> rows, boolean truncated) {
    }

    /** A federation's data set and all its observations, if it has published one. Blocking. */
    public Optional<Model> dataSet(String federationId) {
        ParameterizedSparqlString q = new ParameterizedSparqlString(
                "CONSTRUCT { ?ds ?p ?o . ?obs ?op ?oo } WHERE { GRAPH ?g { { ?ds ?p ?o } UNION { ?obs ?qbDataSet ?ds ; ?op ?oo } } }");
        q.setIri("g", iris.federationGraph(federationId));
        q.setIri("ds", iris.indicatorDataSet(federationId));
        q.setIri("qbDataSet", QB.dataSet.getURI());
        Model out = store.query(q.asQuery(), QueryExecution::execConstruct);
        if (out.isEmpty()) {
            return Optional.empty();
        }
        out.setNsPrefix("qb", QB.NS).setNsPrefix("insi", INSI.NS).setNsPrefix("sdmx-dimension", SDMX.DIMENSION_NS)
                .setNsPrefix("sdmx-code", SDMX.CODE_NS);
        return Optional.of(out);
    }

    /**
     * The figures, filtered by federation and/or service id and/or year (each null for all). Blocking.
     */
    public Rows find(String federationId, String serviceId, String period) {
        ParameterizedSparqlString q = new ParameterizedSparqlString();
        q.setNsPrefix("qb", QB.NS);
        q.setNsPrefix("insi", INSI.NS);
        q.setNsPrefix("sdmxd", SDMX.DIMENSION_NS);
        q.append("SELECT ?service ?period ?sex ?measure ?value ?base WHERE { GRAPH ?g {\n"
                + "  ?obs qb:dataSet ?ds ; insi:service ?service ; insi:year ?period ; sdmxd:sex ?sex ;\n"
                + "       qb:measureType ?measure ; ?measure ?value .\n"
                + "  OPTIONAL { ?obs insi:basedOn ?base }\n");
        if (federationId != null) {
            q.append("  FILTER (?ds = ?wantedDataSet)\n");
            q.setIri("wantedDataSet", iris.indicatorDataSet(federationId));
        }
        if (serviceId != null) {
            q.append("  FILTER (?service = ?wantedService)\n");
            q.setIri("wantedService", iris.service(serviceId));
        }
        if (period != null) {
            q.append("  FILTER (str(?period) = ?wantedPeriod)\n");
            q.setLiteral("wantedPeriod", period);
        }
        q.append("} } ORDER BY ?service ?period ?sex ?measure LIMIT ");
        q.appendLiteral(MAX_OBSERVATIONS);
        return store.query(q.asQuery(), exec -> {
            Map<String, Row> rows = new LinkedHashMap<>();
            int n = 0;
            ResultSet rs = exec.execSelect();
            while (rs.hasNext()) {
                QuerySolution s = rs.next();
                n++;
                String id = iris.serviceIdOf(s.getResource("service").getURI()).orElse(null);
                String sex = IndicatorCube.sexCode(s.getResource("sex").getURI());
                Measure measure = Measure.byProperty(s.getResource("measure").getURI()).orElse(null);
                if (id == null || sex == null || measure == null) {
                    continue;
                }
                String year = s.getLiteral("period").getLexicalForm();
                RDFNode base = s.get("base");
                Figure f = new Figure(id, year, sex, measure, new BigDecimal(s.getLiteral("value").getLexicalForm()),
                        base == null ? null : base.asLiteral().getInt());
                rows.computeIfAbsent(id + "\u0000" + year + "\u0000" + sex,
                        k -> new Row(id, year, sex, new EnumMap<>(Measure.class))).figures().put(measure, f);
            }
            List<Row> out = new ArrayList<>(rows.values());
            out.sort(Comparator.comparing(Row::serviceId).thenComparing(Row::period)
                    .thenComparing(r -> "FMT".indexOf(r.sex())));
            return new Rows(out, n >= MAX_OBSERVATIONS);
        });
    }
}
