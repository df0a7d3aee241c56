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
 * The implicit sources every federation has for records it pushes itself
 * ({@code PUT /api/federations/{id}/services}, and {@link #ARTICLES} for {@code PUT /api/federations/{id}/articles}):
 * records arrive already in canonical JSON, so "mapping" only checks that each names its {@code localId}
 * (an article its {@code id}).
 */
public final class PushSource {

    /** Source id and kind of pushed records. */
    public static final String KIND = "push";
    public static final SourceDescriptor DESCRIPTOR = new SourceDescriptor(KIND, KIND, KIND, "json", "sv", Map.of(), null, null);
    /** Source id of pushed guidance articles ({@code PUT /api/federations/{id}/articles}). */
    public static final String ARTICLES_ID = "push-articles";
    /** The implicit source of pushed guidance articles: canonical article JSON, kept apart from pushed services. */
    public static final SourceDescriptor ARTICLES = new SourceDescriptor(ARTICLES_ID, KIND, KIND, "json", "sv", Map.of(), null,
            null, SourceDescriptor.DEFAULT_MAX_DELETE_PERCENT, SourceDescriptor.PluginRefs.NONE, null,
            SourceDescriptor.Records.ARTICLES);

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
