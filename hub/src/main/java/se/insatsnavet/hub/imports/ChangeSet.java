package se.insatsnavet.hub.imports;

import org.apache.jena.rdf.model.Model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run will write, filled by its stages: the descriptions to add or replace (by service IRI), the services
 * to delete, the record hashes to remember and the change log's entries.
 */
final class ChangeSet {

    private final Map<String, Model> upserts = new LinkedHashMap<>();
    private final Map<String, Model> modelsByService = new HashMap<>();
    private final List<RecordHash> hashes = new ArrayList<>();
    private final List<Change> changes = new ArrayList<>();
    private final List<String> deletedLocalIds = new ArrayList<>();
    private final List<String> deletedIris = new ArrayList<>();
    private final RecordType type;
    private int added;
    private int updated;

    /** The change set of a run of services. */
    ChangeSet() {
        this(RecordType.SERVICE);
    }

    /** The change set of a run that publishes records of {@code type}. */
    ChangeSet(RecordType type) {
        this.type = type;
    }

    /** An unchanged record whose hashes changed (read from other bytes, or first hashed): remembered, not written. */
    void rehash(RecordHash hash) {
        hashes.add(hash);
    }

    /** A service added ({@code isNew}) or updated with this description. */
    void upsert(String iri, RecordHash hash, Model model, boolean isNew) {
        upserts.put(iri, model);
        modelsByService.put(hash.serviceId(), model);
        hashes.add(hash);
        if (isNew) {
            added++;
            changes.add(new Change(hash.serviceId(), Change.Action.ADDED, type));
        } else {
            updated++;
            changes.add(new Change(hash.serviceId(), Change.Action.UPDATED, type));
        }
    }

    /** A published service deleted. */
    void delete(RecordHash hash, String iri) {
        deletedLocalIds.add(hash.localId());
        deletedIris.add(iri);
        changes.add(new Change(hash.serviceId(), Change.Action.DELETED, type));
    }

    Map<String, Model> upserts() {
        return upserts;
    }

    /** The description written for each added or updated service, by service id. */
    Map<String, Model> modelsByService() {
        return modelsByService;
    }

    List<RecordHash> hashes() {
        return hashes;
    }

    List<Change> changes() {
        return changes;
    }

    List<String> deletedLocalIds() {
        return deletedLocalIds;
    }

    List<String> deletedIris() {
        return deletedIris;
    }

    int added() {
        return added;
    }

    int updated() {
        return updated;
    }
}
