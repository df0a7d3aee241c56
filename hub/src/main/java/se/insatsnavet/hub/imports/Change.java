package se.insatsnavet.hub.imports;

/** One entry of the change log: a service added, updated or deleted by a run. */
public record Change(String serviceId, Action action) {

    /** What happened to the service. */
    public enum Action {
        ADDED, UPDATED, DELETED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
