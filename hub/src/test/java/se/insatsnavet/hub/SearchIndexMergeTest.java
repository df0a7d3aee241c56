package se.insatsnavet.hub;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.insatsnavet.hub.search.ServiceIndex;
import se.insatsnavet.hub.services.ServiceFilter;
import se.insatsnavet.schema.Vocabulary;
import se.insatsnavet.schema.vocab.HubIris;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The search index merges itself into one segment once writes stop (a search does part of its work per
 * segment), and the merge changes no answer: the same items, order, total, facet counts and snippets.
 */
class SearchIndexMergeTest {

    @TempDir
    Path work;

    @Test
    void aQuietIndexIsMergedIntoOneSegmentAndAnswersAsBefore() {
        HubIris iris = HubIris.defaults();
        try (ServiceIndex index = ServiceIndex.open(work.resolve("services"), Vocabulary.load(iris), p -> iris.organisation("stor"))) {
            for (int batch = 0; batch < 4; batch++) {
                List<ObjectNode> items = new java.util.ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    ObjectNode item = SearchIndexDiskFullTest.item("stor.s" + batch + "-" + i, "Arbetsträning " + batch + " nummer " + i);
                    item.putArray("municipalities").add(i % 2 == 0 ? "0580" : "0561");
                    items.add(item);
                }
                index.update(items, List.of());
            }
            assertTrue(index.segments() > 1, "each write added a segment: " + index.segments());
            ServiceFilter filter = new ServiceFilter(List.of("träning"), null, null, null, 1, 10);
            ServiceIndex.Hits before = index.search(filter, true, true);
            assertEquals(20, before.total());

            await().atMost(Duration.ofMinutes(5)).until(() -> index.segments() == 1);

            ServiceIndex.Hits after = index.search(filter, true, true);
            assertEquals(before.items(), after.items());
            assertEquals(before.total(), after.total());
            assertEquals(before.facets(), after.facets());
            assertEquals(10, before.snippets().stream().filter(java.util.Objects::nonNull).count());
            assertEquals(before.snippets(), after.snippets());
            assertEquals(12L, after.facets().get("municipality").get("0580"), "three of five in each write");
        }
    }
}
