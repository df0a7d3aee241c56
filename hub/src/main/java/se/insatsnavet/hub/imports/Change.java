package se.insatsnavet.hub.imports;

import java.util.Locale;
import java.util.Objects;

/**
 * One entry of the change log: a record added, updated or deleted by a run; {@code id} is a service id
 * ({@code federation.localId}) or, for an article, an article id ({@code federation/localId}).
 */
public record Change(String id, Action action, RecordType type) {

    public Change {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(action, "action");
        type = type == null ? RecordType.SERVICE : type;
    }

    /** A change of a service. */
    public Change(String serviceId, Action action) {
        this(serviceId, action, RecordType.SERVICE);
    }

    /** The id of the changed record (a service id for the changes of services, the listeners' usual case). */
    public String serviceId() {
        return id;
    }

    /** Whether the change is one of a service. */
    public boolean ofService() {
        return type == RecordType.SERVICE;
    }

    /** What happened to the record. */
    public enum Action {
        ADDED, UPDATED, DELETED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
