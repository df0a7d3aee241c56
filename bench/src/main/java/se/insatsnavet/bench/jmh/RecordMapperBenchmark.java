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
import se.insatsnavet.connectors.descriptor.FederationDescriptor;
import se.insatsnavet.connectors.mapping.MappingResult;
import se.insatsnavet.connectors.mapping.RecordMapper;
import se.insatsnavet.connectors.source.RawRecord;

import java.util.concurrent.TimeUnit;

/** Mapping one raw record (CSV row, JSON object, NDJSON line) to the canonical service JSON. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Dlogback.configurationFile=logback-bench.xml")
public class RecordMapperBenchmark {

    @Param({"csv", "json", "ndjson"})
    public String format;

    private BenchData data;
    private RecordMapper mapper;
    private RawRecord record;

    @Setup
    public void setUp() {
        data = new BenchData(30, 3);
        FederationDescriptor federation = data.federation(format);
        mapper = new RecordMapper(federation, federation.sources().get(0), data.vocabulary.conceptIndex()::match);
        record = data.firstRecord(federation);
        MappingResult check = mapper.map(record);
        if (check.hasErrors()) {
            throw new IllegalStateException("the benchmark record does not map: " + check.errors());
        }
    }

    @TearDown
    public void tearDown() {
        data.close();
    }

    @Benchmark
    public MappingResult map() {
        return mapper.map(record);
    }
}
