package se.insatsnavet.hub.imports;

import java.util.List;

/**
 * The last published content hash of one record of a federation.
 *
 * @param contentHash SHA-256 of the record's canonical JSON
 * @param rawHash     SHA-256 of the record as read from the source, together with the federation's descriptor
 *                    and the hub's mapping version ({@link RawRecordHash}); {@code null} when the source's records
 *                    are not hashed (a source with plugins) or, for an article, when its checks gave warnings (they
 *                    depend on the services published, so such an article is always checked)
 * @param warnings    the warnings the record's last mapping and checks gave, as kept ({@link RecordWarnings}: JSON,
 *                    {@code null} for none): a run that skips the record as read exactly as then repeats them
 */
public record RecordHash(String localId, String sourceId, String serviceId, String contentHash, String rawHash,
                         String warnings) {

    public RecordHash(String localId, String sourceId, String serviceId, String contentHash, String rawHash) {
        this(localId, sourceId, serviceId, contentHash, rawHash, null);
    }

    public RecordHash(String localId, String sourceId, String serviceId, String contentHash) {
        this(localId, sourceId, serviceId, contentHash, null);
    }

    /** The kept warnings as messages of this record, without a place (where it was read is the next run's). */
    public List<RunMessage> warningMessages() {
        return RecordWarnings.read(localId, warnings);
    }
}
