package se.insatsnavet.plugin.api;

/** Told what an import changed. Default methods do nothing; exceptions are caught and reported. */
public interface ImportListener extends PluginFactory {

    default void serviceAdded(String federationId, String serviceId) {
    }

    default void serviceChanged(String federationId, String serviceId) {
    }

    default void serviceRemoved(String federationId, String serviceId) {
    }

    /** @param status succeeded, failed or interrupted */
    default void runFinished(String federationId, String sourceId, long runId, String status) {
    }
}
