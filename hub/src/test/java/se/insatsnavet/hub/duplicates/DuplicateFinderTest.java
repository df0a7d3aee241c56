package se.insatsnavet.hub.duplicates;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Candidate detection by blocking: finds the planted duplicates among many services, never within a federation. */
class DuplicateFinderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] WORDS = {"arbetsträning", "studier", "hälsa", "stöd", "coachning", "praktik", "unga",
            "vuxna", "motivation", "friskvård", "språk", "digital", "samtal", "grupp", "individ", "jobb", "försörjning",
            "rehabilitering", "validering", "mentorskap"};

    private static ServiceFingerprint service(String id, String title, String municipality, String email, String provider) {
        ObjectNode item = JSON.createObjectNode().put("id", id).put("federation", id.substring(0, id.indexOf('.')));
        item.putObject("title").put("sv", title);
        item.putArray("municipalities").add(municipality);
        item.putObject("contact").put("email", email);
        item.putObject("provider").putObject("name").put("sv", provider);
        return ServiceFingerprint.of(item);
    }

    @Test
    void findsThePlantedDuplicatesAmongTwentyThousandServicesAndNeverPairsAFederationWithItself() {
        Random random = new Random(42);
        List<ServiceFingerprint> services = new ArrayList<>();
        Set<String> planted = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            String federation = "f" + (i % 40);
            String municipality = String.format("%04d", 100 + random.nextInt(290));
            String title = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)] + " " + i;
            services.add(service(federation + ".s" + i, title, municipality, "s" + i + "@example.se", "Anordnare " + i));
            if (i % 400 == 0) {
                // the same service listed by another federation: title written a little differently, same e-mail
                String other = "f" + ((i + 1) % 40) + ".copy" + i;
                services.add(service(other, title.toUpperCase() + "!", municipality, "s" + i + "@example.se", "Anordnare " + i));
                planted.add(Candidate.pairKey(federation + ".s" + i, other));
            }
        }
        List<Candidate> found = DuplicateFinder.find(services);
        Set<String> keys = new HashSet<>();
        for (Candidate c : found) {
            keys.add(c.key());
            assertNotEquals(c.a().federation(), c.b().federation(), c.key());
            assertTrue(c.score() >= DuplicateFinder.THRESHOLD, c.key());
            assertTrue(c.a().id().compareTo(c.b().id()) < 0, c.key());
        }
        assertTrue(keys.containsAll(planted), "every planted pair is found");
        Candidate one = found.stream().filter(c -> planted.contains(c.key())).findFirst().orElseThrow();
        assertEquals(List.of("email"), one.sameContact());
        assertTrue(one.sameProvider() && one.titleSimilarity() > 0.9, one.toString());
    }

    @Test
    void aSimilarTitleInAnotherMunicipalityWithNothingElseInCommonIsNoCandidate() {
        ServiceFingerprint a = service("a.1", "Studiestöd för unga", "0580", "a@example.se", "A");
        ServiceFingerprint b = service("b.1", "Studiestöd unga", "0581", "b@example.se", "B");
        assertTrue(DuplicateFinder.score(a, b).score() < DuplicateFinder.THRESHOLD);
        assertTrue(DuplicateFinder.find(List.of(a, b)).isEmpty());
        ServiceFingerprint c = service("c.1", "Studiestöd unga", "0580", "a@example.se", "A");
        assertEquals(1, DuplicateFinder.find(List.of(a, b, c)).size());
    }
}
