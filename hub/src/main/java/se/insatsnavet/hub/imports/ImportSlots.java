package se.insatsnavet.hub.imports;

import se.insatsnavet.connectors.descriptor.FederationDescriptor;
import se.insatsnavet.connectors.descriptor.SourceDescriptor;
import se.insatsnavet.connectors.source.SourceBatch;

import java.util.concurrent.Semaphore;

/**
 * The import slots of {@link ImportRoutes}: a services batch read is imported once one of {@link #IMPORT_SLOTS} is
 * free (an indicators batch, small, is imported at once, without a slot). Always taken with the federation's lock
 * held (lock first, then slot, on every path: the other order could deadlock).
 */
final class ImportSlots {

    /**
     * How many services batches read are imported at once (mapping, checks, the store's write; one per CPU, at
     * least two, so one long import never holds up all others): the reads themselves are not bounded, so a slow or
     * failing source never holds up another's import.
     */
    static final int IMPORT_SLOTS = Math.max(2, Runtime.getRuntime().availableProcessors());

    private final Semaphore slots = new Semaphore(IMPORT_SLOTS, true);

    /** Imports a services batch with {@code imports} once a slot is free. */
    RunReport importBatch(ImportService imports, FederationDescriptor federation, SourceDescriptor source, SourceBatch batch,
                          String trigger) {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImportService.Stopped(federation.id() + "/" + source.id());
        }
        try {
            return imports.importBatch(federation, source, batch, trigger);
        } finally {
            slots.release();
        }
    }
}
