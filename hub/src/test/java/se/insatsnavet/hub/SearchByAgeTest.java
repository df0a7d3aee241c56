package se.insatsnavet.hub;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.insatsnavet.hub.search.ServiceIndex;
import se.insatsnavet.hub.services.ServiceFilter;
import se.insatsnavet.schema.Vocabulary;
import se.insatsnavet.schema.vocab.HubIris;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A search by age finds exactly the services whose age range holds it (an open bound holds every age), whether
 * the other filters match few services (the ages are then checked on those) or many (then the ranges are read
 * from the index): the same services either way.
 */
class SearchByAgeTest {

    private static final int SERVICES = 600;

    @TempDir
    Path work;

    @Test
    void aSearchByAgeFindsTheServicesWhoseAgeRangeHoldsItWithFewOrManyOtherMatches() {
        HubIris iris = HubIris.defaults();
        List<ObjectNode> items = new ArrayList<>();
        for (int i = 0; i < SERVICES; i++) {
            ObjectNode item = SearchIndexDiskFullTest.item("stor.s" + i, "Arbetsträning " + i);
            // one service in 50 in Bjuv: a municipality that matches few services
            item.putArray("municipalities").add(i % 50 == 0 ? "1260" : "0580");
            ObjectNode ages = item.putObject("ageRange");
            if (i % 7 != 0) {
                ages.put("min", 16 + i % 20);
            }
            if (i % 5 != 0) {
                ages.put("max", 25 + i % 30);
            }
            items.add(item);
        }
        try (ServiceIndex index = ServiceIndex.open(work.resolve("services"), Vocabulary.load(iris), p -> iris.organisation("stor"))) {
            index.rebuild(sink -> items.forEach(sink));
            for (int age : new int[]{15, 16, 24, 30, 40, 54, 60}) {
                for (String municipality : new String[]{"1260", "0580", null}) {
                    Set<String> expected = new TreeSet<>();
                    for (ObjectNode item : items) {
                        boolean inMunicipality = municipality == null || municipality.equals(item.path("municipalities").path(0).asText());
                        int min = item.path("ageRange").path("min").asInt(0);
                        int max = item.path("ageRange").path("max").asInt(999);
                        if (inMunicipality && min <= age && age <= max) {
                            expected.add(item.path("id").asText());
                        }
                    }
                    Set<String> found = new TreeSet<>();
                    long total = -1;
                    for (int page = 1; total < 0 || (page - 1) * ServiceFilter.MAX_PER_PAGE < total; page++) {
                        ServiceIndex.Hits hits = index.search(new ServiceFilter(List.of(), municipality, null, null, page,
                                ServiceFilter.MAX_PER_PAGE, new ServiceFilter.More(null, age, null, null, null)), false, false);
                        hits.items().forEach(item -> found.add(item.path("id").asText()));
                        total = hits.total();
                    }
                    assertEquals(expected, found, "age " + age + " in " + municipality);
                    assertEquals(expected.size(), total, "total for age " + age + " in " + municipality);
                }
            }
            assertTrue(index.search(new ServiceFilter(List.of(), "1260", null, null, 1, 10,
                    new ServiceFilter.More(null, 16, null, null, null)), false, false).total() > 0, "the sparse case has matches");
        }
    }
}
