package se.insatsnavet.hub.imports;

import org.apache.camel.Endpoint;
import se.insatsnavet.connectors.descriptor.FederationDescriptor;
import se.insatsnavet.connectors.descriptor.SourceDescriptor;
import se.insatsnavet.connectors.source.SourceEndpoint;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The file watch could not read a changed file (cut off, unparseable, changed while read): the failure is a run of its
 * own (trigger {@code file-changed}; the published data stays), recorded once for each state of the file (size and
 * modification time), not at every poll while the file stays broken. A stopping hub, or a database that cannot
 * record runs, records nothing here: the batch is imported again later.
 */
final class FailedWatchReads {

    /** By federation and source: the file's state when its read last failed a run. */
    private final Map<String, String> lastFailed = new ConcurrentHashMap<>();

    void record(BatchImporter importer, FederationDescriptor federation, SourceDescriptor source, Endpoint from,
                Exception cause) throws Exception {
        for (Throwable c = cause; c != null; c = c.getCause()) {
            if (c instanceof ImportService.Stopped || c instanceof RunNotRecordedException) {
                return;
            }
        }
        if (cause == null) {
            return;
        }
        String token = from instanceof SourceEndpoint endpoint ? endpoint.changeToken() : null;
        String state = token == null ? "(no file)" : token;
        if (state.equals(lastFailed.put(federation.id() + "/" + source.id(), state))) {
            return;
        }
        importer.recordFailure(federation, source, "file-changed", cause);
    }
}
