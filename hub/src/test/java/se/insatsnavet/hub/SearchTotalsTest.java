package se.insatsnavet.hub;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.insatsnavet.hub.search.ServiceIndex;
import se.insatsnavet.hub.services.ServiceFilter;
import se.insatsnavet.schema.Vocabulary;
import se.insatsnavet.schema.vocab.HubIris;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A search's total is the true number of matches, also past 1,000 and without facets: Lucene's default stops
 * counting exactly there (a lower bound that moves with the index's segments), which the API would publish as
 * the total. Checked on an index of several segments (a rebuild, then updates), against a full count.
 */
class SearchTotalsTest {

    @TempDir
    Path work;

    @Test
    void totalsPastAThousandAreExactWithAndWithoutFacets() throws Exception {
        HubIris iris = HubIris.defaults();
        Vocabulary vocabulary = Vocabulary.load(iris);
        List<ObjectNode> items = ServiceIndexAnswersTest.items(6000, vocabulary);
        try (ServiceIndex index = ServiceIndex.open(work.resolve("services"), vocabulary, p -> iris.organisation("stor"))) {
            index.rebuild(sink -> items.forEach(sink));
            for (int i = 0; i < 40; i++) {
                ObjectNode c = items.get(i * 11).deepCopy();
                c.putObject("title").put("sv", "Ändrad motivation " + i);
                index.update(List.of(c), List.of());
            }
            int compared = 0;
            for (String word : List.of("motivation", "stöd", "praktik", "studier")) {
                for (String status : new String[]{"active", "all", null}) {
                    for (String sort : new String[]{null, "title"}) {
                        ServiceFilter withWords = filter(List.of(word), status, sort);
                        long counted = index.search(filter(List.of(word), status, sort), true, false).total();
                        long total = index.search(withWords, false, false).total();
                        assertEquals(counted, total, word + " " + status + " " + sort + ": total without facets");
                        if (counted > 1000) {
                            compared++;
                        }
                    }
                }
            }
            assertTrue(compared > 0, "some questions match more than 1,000 services (the case checked)");
            long all = index.search(filter(List.of(), "all", null), false, false).total();
            assertEquals(index.size(), all, "every service, counted");
        }
    }

    private static ServiceFilter filter(List<String> words, String status, String sort) {
        return new ServiceFilter(words, null, null, null, 1, 100,
                new ServiceFilter.More(null, null, null, null, status, null, null, null, null, null, sort));
    }
}
