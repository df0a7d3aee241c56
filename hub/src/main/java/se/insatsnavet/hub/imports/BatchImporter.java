package se.insatsnavet.hub.imports;

import se.insatsnavet.connectors.descriptor.FederationDescriptor;
import se.insatsnavet.connectors.descriptor.SourceDescriptor;
import se.insatsnavet.connectors.source.SourceBatch;

/**
 * What the import routes hand a source's batches to: {@link ImportService} for services sources, the
 * indicators import for a federation's indicators source. Every call blocks and ends as a recorded run.
 */
public interface BatchImporter {

    /** Imports one batch read from the source. */
    RunReport importBatch(FederationDescriptor federation, SourceDescriptor source, SourceBatch batch, String trigger);

    /** Records a run of the source that failed before a batch could be imported. */
    RunReport recordFailure(FederationDescriptor federation, SourceDescriptor source, String trigger, Throwable cause);

    /**
     * Whether the file watch may skip a batch with this fingerprint: typically, it is what the source's last
     * succeeded run imported.
     */
    boolean isLastImported(FederationDescriptor federation, SourceDescriptor source, String fingerprint);
}
