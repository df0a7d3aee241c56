package se.insatsnavet.hub.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.junit.jupiter.api.Test;
import se.insatsnavet.schema.Shapes;
import se.insatsnavet.schema.Vocabulary;
import se.insatsnavet.schema.rdf.ServiceContext;
import se.insatsnavet.schema.rdf.ServiceRdf;
import se.insatsnavet.schema.vocab.HubIris;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shapes checked on a run's records together give each record the messages checking it alone gives, also
 * where the records share a node (a provider named alike) whose union breaks a shape none of them breaks alone.
 */
class BatchShapesCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HubIris IRIS = HubIris.defaults();
    private static final String[] TYPES = {"municipality", "region", "civil-society", "employer"};

    private final ServiceRdf rdf = ServiceRdf.of(IRIS);
    private final BatchShapesCheck check = new BatchShapesCheck(Shapes.hub(IRIS));

    /** Records of one federation naming the same provider, each with another provider type. */
    private List<BatchShapesCheck.Converted> sharingAProvider(int n) throws Exception {
        List<BatchShapesCheck.Converted> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ObjectNode service = (ObjectNode) JSON.readTree("""
                    { "localId": "s%d", "title": { "sv": "Insats %d" }, "description": { "sv": "Beskrivning." },
                      "status": "active", "municipalities": ["0580"],
                      "provider": { "name": { "sv": "Jobbtorget" }, "type": "%s", "municipality": "0580" } }"""
                    .formatted(i, i, TYPES[i % TYPES.length]));
            Model model = rdf.toRdf(service, new ServiceContext(IRIS, "alfa", "main", 1, Instant.parse("2026-01-01T00:00:00Z")));
            out.add(new BatchShapesCheck.Converted("s" + i, "row " + (i + 2), model));
        }
        return out;
    }

    private static Resource provider(BatchShapesCheck.Converted c) {
        return c.model().listSubjectsWithProperty(DCTerms.type).filterKeep(r -> r.getURI().contains("/organisation/")).next();
    }

    @Test
    void recordsThatOnlyBreakAShapeTogetherAreAllAccepted() throws Exception {
        List<BatchShapesCheck.Converted> records = sharingAProvider(4);
        assertEquals(Map.of(), check.errors(records));
    }

    @Test
    void aRecordBreakingAShapeOnASharedNodeIsRejectedAsWhenCheckedAloneAndTheOthersAreNot() throws Exception {
        List<BatchShapesCheck.Converted> records = sharingAProvider(4);
        BatchShapesCheck.Converted bad = records.get(2);
        // this record's own description of the shared provider has two types (maxCount 1)
        provider(bad).addProperty(DCTerms.type, bad.model().createResource(
                Vocabulary.load(IRIS).iri(Vocabulary.PROVIDER_TYPE, "other")));
        Map<String, List<RunMessage>> errors = check.errors(records);
        assertEquals(List.of("s2"), List.copyOf(errors.keySet()));
        assertEquals(check.errors(List.of(bad)).get("s2"), errors.get("s2"));
        assertTrue(errors.get("s2").stream().anyMatch(m -> m.toString().contains("type")), errors.toString());
    }

    @Test
    void recordsDescribingASharedNodeAlikeGetTheSameAnswerAndOneDescribingItOtherwiseItsOwn() throws Exception {
        // records 2, 6 and 10 give the shared provider the same type; 2 and 6 also give it a second one (maxCount 1)
        List<BatchShapesCheck.Converted> records = sharingAProvider(12);
        String other = Vocabulary.load(IRIS).iri(Vocabulary.PROVIDER_TYPE, "other");
        for (int i : new int[] {2, 6}) {
            provider(records.get(i)).addProperty(DCTerms.type, records.get(i).model().createResource(other));
        }
        Map<String, List<RunMessage>> errors = check.errors(records);
        assertEquals(java.util.Set.of("s2", "s6"), errors.keySet());
        for (int i : new int[] {2, 6}) {
            assertEquals(check.errors(List.of(records.get(i))).get("s" + i), errors.get("s" + i));
        }
    }

    @Test
    void aRecordBreakingAShapeOnItsOwnNodeGetsTheMessagesOfCheckingItAlone() throws Exception {
        List<BatchShapesCheck.Converted> records = sharingAProvider(3);
        BatchShapesCheck.Converted bad = records.get(1);
        Resource service = bad.model().createResource(IRIS.service("alfa.s1"));
        service.removeAll(DCTerms.title);
        Map<String, List<RunMessage>> errors = check.errors(records);
        assertEquals(List.of("s1"), List.copyOf(errors.keySet()));
        assertFalse(errors.get("s1").isEmpty());
        assertEquals(check.errors(List.of(bad)).get("s1"), errors.get("s1"));
    }
}
