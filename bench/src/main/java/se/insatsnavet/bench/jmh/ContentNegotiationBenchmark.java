package se.insatsnavet.bench.jmh;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import se.insatsnavet.hub.linkeddata.ContentNegotiation;
import se.insatsnavet.hub.linkeddata.RdfRepresentation;
import se.insatsnavet.hub.linkeddata.ServiceResourceHandler;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Choosing a representation of a service from an Accept header (what every GET /id/service/{id} does). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Dlogback.configurationFile=logback-bench.xml")
public class ContentNegotiationBenchmark {

    @Param({"text/turtle", "application/json",
            "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8",
            "application/ld+json;q=0.9, text/turtle;q=0.95, application/n-triples;q=0.5, */*;q=0.1"})
    public String accept;

    @Benchmark
    public Optional<RdfRepresentation> choose() {
        return ContentNegotiation.choose(accept, ServiceResourceHandler.OFFERED);
    }
}
