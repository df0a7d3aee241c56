package se.insatsnavet.bench.jmh;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.openjdk.jmh.annotations.Warmup;
import se.insatsnavet.hub.duplicates.Candidate;
import se.insatsnavet.hub.duplicates.DuplicateFinder;
import se.insatsnavet.hub.duplicates.ServiceFingerprint;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Finding the likely duplicates of a whole catalogue (what {@code /api/duplicates} computes once after each
 * change): {@code services} synthetic services of 75 federations in 290 municipalities, titles of three words
 * from a pool of 60 common service words, one in a hundred listed again by another federation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = "-Dlogback.configurationFile=logback-bench.xml")
public class DuplicateFinderBenchmark {

    private static final String[] WORDS = ("arbetsträning studier hälsa stöd coachning praktik unga vuxna motivation "
            + "friskvård språk digital samtal grupp individ jobb försörjning rehabilitering validering mentorskap "
            + "kartläggning vägledning arbetsliv yrkessvenska körkort ekonomi trygghet vardag fysisk aktivitet "
            + "sysselsättning daglig verksamhet kurs steg vidare framtid nystart insats team samordning kvinnor "
            + "män nyanlända sjukskrivna ungdomar skola utbildning lärling anställning lönebidrag introduktion "
            + "kompetens natur trädgård kultur musik").split(" ");

    @Param({"10000", "100000"})
    public int services;

    private List<ServiceFingerprint> fingerprints;

    @Setup
    public void setUp() {
        ObjectMapper json = new ObjectMapper();
        Random random = new Random(7);
        fingerprints = new ArrayList<>(services);
        for (int i = 0; fingerprints.size() < services; i++) {
            String municipality = String.format("%04d", 114 + random.nextInt(290));
            String title = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)] + " "
                    + WORDS[random.nextInt(WORDS.length)];
            fingerprints.add(fingerprint(json, "bench-" + (i % 75) + ".s" + i, title, municipality, "s" + i + "@example.se"));
            if (i % 100 == 0) {
                fingerprints.add(fingerprint(json, "bench-" + ((i + 1) % 75) + ".d" + i, title + " i kommunen", municipality,
                        "s" + i + "@example.se"));
            }
        }
    }

    private static ServiceFingerprint fingerprint(ObjectMapper json, String id, String title, String municipality, String email) {
        ObjectNode item = json.createObjectNode().put("id", id).put("federation", id.substring(0, id.indexOf('.')));
        item.putObject("title").put("sv", title);
        item.putArray("municipalities").add(municipality);
        item.putObject("contact").put("email", email);
        return ServiceFingerprint.of(item);
    }

    @Benchmark
    public List<Candidate> find() {
        return DuplicateFinder.find(fingerprints);
    }
}
