package se.insatsnavet.hub.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import se.insatsnavet.connectors.descriptor.SourceDescriptor;
import se.insatsnavet.connectors.mapping.MappingResult;
import se.insatsnavet.connectors.mapping.RecordMessage;
import se.insatsnavet.connectors.source.RawRecord;
import se.insatsnavet.hub.http.Responses;

import java.util.List;
import java.util.Map;

/**
 * The implicit source every federation has for records it pushes itself
 * ({@code PUT /api/federations/{id}/services}): records arrive already in canonical JSON, so "mapping"
 * only checks that each names its {@code localId}.
 */
public final class PushSource {

    /** Source id and kind of pushed records. */
    public static final String KIND = "push";
    public static final SourceDescriptor DESCRIPTOR = new SourceDescriptor(KIND, KIND, KIND, "json", "sv", Map.of(), null, null);

    private PushSource() {
    }

    /** A pushed record as its canonical JSON. */
    static MappingResult canonical(RawRecord raw) {
        ObjectNode service = Responses.JSON.valueToTree(raw.fields());
        JsonNode id = service.get("localId");
        String localId = id != null && id.isTextual() && !id.asText().isBlank() ? id.asText() : null;
        if (localId == null) {
            return new MappingResult(null, service, List.of(),
                    List.of(new RecordMessage(raw.locator(), null, "localId", null, "A pushed record must have a localId")));
        }
        return new MappingResult(localId, service, List.of(), List.of());
    }
}
