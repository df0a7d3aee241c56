package se.insatsnavet.hub;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.insatsnavet.hub.search.IndexFollower;
import se.insatsnavet.hub.search.ServiceIndex;
import se.insatsnavet.hub.services.ServiceFilter;
import se.insatsnavet.schema.Vocabulary;
import se.insatsnavet.schema.vocab.HubIris;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The search index on a full disk (a small tmpfs, filled): changes it cannot write stay marked as behind, searches
 * keep answering from the last commit, and once there is space the index catches up with the dataset.
 */
class SearchIndexDiskFullTest {

    static final int SERVICES = 40;

    @TempDir
    Path work;

    @Test
    void aFullDiskLeavesTheIndexOnItsLastCommitAndItCatchesUpLater() throws Exception {
        Path dir = Files.createDirectories(work.resolve("index"));
        try (SmallFilesystem disk = SmallFilesystem.mount(dir, 8)) {
            // what the dataset publishes, by service id
            Map<String, ObjectNode> published = new ConcurrentHashMap<>();
            for (int i = 0; i < SERVICES; i++) {
                published.put("stor.s" + i, item("stor.s" + i, "Insats nummer " + i));
            }
            HubIris iris = HubIris.defaults();
            try (ServiceIndex index = ServiceIndex.open(dir.resolve("services"), Vocabulary.load(iris), p -> iris.organisation("stor"))) {
                IndexFollower follower = new IndexFollower(index, ids -> ids.stream().filter(published::containsKey).distinct()
                        .collect(java.util.stream.Collectors.toMap(id -> id, published::get)));
                assertTrue(follower.follow(List.copyOf(published.keySet())));
                assertEquals(SERVICES, hits(index, "nummer"));

                Path filler = dir.resolve("filler");
                SmallFilesystem.fill(filler);
                for (int i = 0; i < SERVICES; i++) {
                    published.put("stor.s" + i, item("stor.s" + i, "Ändrad insats " + i + " " + "lång beskrivning ".repeat(200)));
                }
                published.remove("stor.s0");
                List<String> changed = new java.util.ArrayList<>(published.keySet());
                changed.add("stor.s0");
                assertFalse(follower.follow(changed), "the index cannot be written on a full disk");
                assertTrue(follower.behind() > 0);
                assertTrue(follower.problem().orElseThrow().contains("No space left"), follower.problem().toString());
                assertEquals(SERVICES, hits(index, "nummer"), "searches answer from the last commit");
                assertEquals(0, hits(index, "ändrad"));
                assertFalse(follower.catchUp(), "still full");

                Files.delete(filler);
                assertTrue(follower.catchUp(), "space again: the index catches up");
                assertEquals(0, follower.behind());
                assertTrue(follower.problem().isEmpty());
                assertEquals(0, hits(index, "nummer"));
                assertEquals(SERVICES - 1, hits(index, "ändrad"), "updated, and the deleted one is gone");
                assertEquals(SERVICES - 1, index.size());
            }
        }
    }

    static long hits(ServiceIndex index, String word) {
        return index.search(new ServiceFilter(List.of(word), null, null, null, 1, 10), false, false).total();
    }

    static ObjectNode item(String id, String title) {
        ObjectNode item = TestHttp.JSON.createObjectNode();
        item.put("id", id).put("federation", "stor").put("status", "active");
        item.putObject("title").put("sv", title);
        item.putObject("description").put("sv", "Stöd till arbete och studier. " + title);
        return item;
    }
}
