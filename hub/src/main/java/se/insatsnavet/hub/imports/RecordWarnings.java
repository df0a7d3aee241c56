package se.insatsnavet.hub.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A record's warnings as {@link RecordHash} keeps them: a JSON array of {@code field}, {@code value} and
 * {@code message} ({@code null} for none), without the record's id (the row's) or where it was read (the next
 * run's). Read only when a run repeats them, so a run that skips no such record parses none.
 */
final class RecordWarnings {

    /** The most characters kept (the column's length): a record with longer warnings is not skipped. */
    static final int MAX_CHARS = 1_000_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private RecordWarnings() {
    }

    /** The warnings as kept; {@code null} for none. */
    static String json(List<RunMessage> warnings) {
        if (warnings.isEmpty()) {
            return null;
        }
        ArrayNode array = JSON.createArrayNode();
        for (RunMessage w : warnings) {
            array.addObject().put("field", w.field()).put("value", w.value()).put("message", w.message());
        }
        return array.toString();
    }

    /** The warnings kept as {@code json} for record {@code localId}, without a place. */
    static List<RunMessage> read(String localId, String json) {
        if (json == null) {
            return List.of();
        }
        try {
            List<RunMessage> out = new ArrayList<>();
            for (JsonNode w : JSON.readTree(json)) {
                out.add(RunMessage.warning(null, localId, text(w, "field"), text(w, "value"), text(w, "message")));
            }
            return out;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The kept warnings of record " + localId + " are not JSON", e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
