package se.insatsnavet.bench.jmh;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import se.insatsnavet.hub.search.ServiceIndex;
import se.insatsnavet.hub.services.ServiceCatalog;
import se.insatsnavet.hub.services.ServiceFilter;
import se.insatsnavet.hub.services.ServicePageResult;
import se.insatsnavet.schema.rdf.ServiceRdf;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One page of a free-text search over an imported in-memory catalogue: {@code engine=index} is what
 * {@code GET /api/services?q=} runs (the hub's search index, {@link ServiceCatalog#find}), {@code engine=sparql}
 * the SPARQL query behind it ({@link ServiceCatalog#findBySparql}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Dlogback.configurationFile=logback-bench.xml")
public class ServiceCatalogSearchBenchmark {

    @Param({"1000"})
    public int services;

    @Param({"arbetsträning"})
    public String word;

    @Param({"index", "sparql"})
    public String engine;

    private BenchData data;
    private ServiceCatalog catalog;
    private ServiceFilter filter;
    private ServiceIndex index;

    @Setup
    public void setUp() {
        data = new BenchData(services, 6);
        ServiceRdf rdf = ServiceRdf.of(data.iris);
        catalog = new ServiceCatalog(data.imported(), rdf);
        filter = new ServiceFilter(List.of(word), null, null, null, 1, ServiceFilter.DEFAULT_PER_PAGE);
        if ("index".equals(engine)) {
            index = ServiceIndex.open(data.dir.resolve("index"), data.vocabulary, rdf::organisationIri);
            index.rebuild(catalog::forEachItem);
            catalog.useIndex(index);
        }
        if (search().total() == 0) {
            throw new IllegalStateException("no service matches '" + word + "'");
        }
    }

    @TearDown
    public void tearDown() {
        if (index != null) {
            index.close();
        }
        data.close();
    }

    @Benchmark
    public ServicePageResult search() {
        return "index".equals(engine) ? catalog.find(filter) : catalog.findBySparql(filter);
    }
}
