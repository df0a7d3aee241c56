package se.insatsnavet.hub.imports;

/** The last published content hash of one record of a federation. */
public record RecordHash(String localId, String sourceId, String serviceId, String contentHash) {
}
