package se.insatsnavet.hub.imports;

/**
 * The last published content hash of one record of a federation.
 *
 * @param contentHash SHA-256 of the record's canonical JSON
 * @param rawHash     SHA-256 of the record as read from the source, together with the federation's descriptor
 *                    and the hub's mapping version ({@link RawRecordHash}); {@code null} when the record's last
 *                    mapping gave warnings (they are repeated in every run, so such a record is always mapped)
 */
public record RecordHash(String localId, String sourceId, String serviceId, String contentHash, String rawHash) {

    public RecordHash(String localId, String sourceId, String serviceId, String contentHash) {
        this(localId, sourceId, serviceId, contentHash, null);
    }
}
