package se.insatsnavet.bench.jmh;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.jena.rdf.model.Model;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import se.insatsnavet.connectors.descriptor.FederationDescriptor;
import se.insatsnavet.connectors.mapping.RecordMapper;
import se.insatsnavet.schema.rdf.ServiceContext;
import se.insatsnavet.schema.rdf.ServiceRdf;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** Converting one canonical service (JSON) to its RDF description. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Dlogback.configurationFile=logback-bench.xml")
public class ServiceRdfBenchmark {

    private BenchData data;
    private ServiceRdf rdf;
    private ObjectNode canonical;
    private ServiceContext context;

    @Setup
    public void setUp() {
        data = new BenchData(30, 3);
        FederationDescriptor federation = data.federation("json");
        canonical = new RecordMapper(federation, federation.sources().get(0), data.vocabulary.conceptIndex()::match)
                .map(data.firstRecord(federation)).service();
        rdf = ServiceRdf.of(data.iris);
        context = new ServiceContext(data.iris, federation.id(), federation.sources().get(0).id(), 1L, Instant.parse("2025-01-01T00:00:00Z"));
    }

    @TearDown
    public void tearDown() {
        data.close();
    }

    @Benchmark
    public Model toRdf() {
        return rdf.toRdf(canonical, context);
    }
}
