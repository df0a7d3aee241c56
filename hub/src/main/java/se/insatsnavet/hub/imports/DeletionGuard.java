package se.insatsnavet.hub.imports;

import se.insatsnavet.connectors.descriptor.SourceDescriptor;

/**
 * Stage "guard": a run that would empty or gut a source's published records is a fault, not a deletion. A batch
 * without one valid record while records are published, or one that would delete more than the source's
 * {@code maxDeletePercent} of them ({@link SourceDescriptor#tooManyDeletions}), fails its run and changes nothing.
 */
final class DeletionGuard {

    private DeletionGuard() {
    }

    /** Why the run must stop, or {@code null} when it may write. */
    static String check(SourceDescriptor source, RunCounts counts, int publishedFromSource) {
        if (counts.valid() == 0 && publishedFromSource > 0) {
            return "The source gave no valid record while " + publishedFromSource
                    + " are published; treated as a fault, nothing was deleted";
        }
        if (source.tooManyDeletions(counts.deleted(), publishedFromSource)) {
            return "The run would delete " + counts.deleted() + " of the " + publishedFromSource
                    + " published records of this source, more than maxDeletePercent (" + source.maxDeletePercent()
                    + "%); treated as a fault, nothing was changed. Raise maxDeletePercent in the descriptor if"
                    + " the removal is intended";
        }
        return null;
    }
}
