package se.insatsnavet.hub.imports;

/** How many records a run read and what became of them. */
public record RunCounts(int read, int valid, int added, int updated, int deleted, int unchanged, int rejected,
                        int warnings) {

    public static final RunCounts NONE = new RunCounts(0, 0, 0, 0, 0, 0, 0, 0);

    /** Whether the run changed the published catalogue. */
    public boolean changedCatalogue() {
        return added + updated + deleted > 0;
    }
}
