package se.insatsnavet.hub.imports;

import se.insatsnavet.connectors.mapping.RecordMessage;
import se.insatsnavet.connectors.source.SourceProblem;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a run has said so far, shared by the stages of {@link ImportService}: its messages in the order they were
 * said, how many records it rejected (and their ids) and how many warnings it gave.
 */
final class RunLog {

    private final List<RunMessage> messages = new ArrayList<>();
    private final Set<String> rejectedIds = new HashSet<>();
    private int rejected;
    private int warnings;

    /**
     * Records the source could not even parse, or contradicted itself about: each one is a rejected record (one the
     * source named by id keeps its published version).
     */
    void sourceProblems(List<SourceProblem> problems) {
        for (SourceProblem problem : problems) {
            reject(problem.localId(), List.of(RunMessage.error(problem.locator(), problem.localId(), problem.field(), null,
                    problem.message())));
        }
    }

    /** What the source said that does not add up but rejects no record. */
    void sourceWarnings(List<SourceProblem> sourceWarnings) {
        for (SourceProblem w : sourceWarnings) {
            warn(RunMessage.warning(w.locator(), w.localId(), w.field(), null, w.message()));
        }
    }

    /** What of the source no record carries, per part of the source, as one warning each with its count. */
    void notCarried(Map<String, Integer> notCarried) {
        notCarried.forEach((part, count) -> warn(RunMessage.warning(part, null, part, String.valueOf(count),
                RecordMessage.NOT_CARRIED + ": " + count + " rows of this part of the source belong to no published service")));
    }

    /** A warning about a record: it is kept, the warning goes into the run report. */
    void warn(RunMessage warning) {
        messages.add(warning);
        warnings++;
    }

    /** A warning of the mapping or a plugin. */
    void warn(RecordMessage m) {
        warn(RunMessage.warning(m.locator(), m.localId(), m.field(), m.value(), m.message()));
    }

    /**
     * The warnings of a record skipped as read exactly as when it was last published, as its mapping and checks gave
     * them then, said again where the record was read now ({@code locator}).
     */
    void repeat(List<RunMessage> recordWarnings, String locator) {
        for (RunMessage w : recordWarnings) {
            warn(RunMessage.warning(locator, w.localId(), w.field(), w.value(), w.message()));
        }
    }

    /** The warnings said since the log held {@code from} messages. */
    List<RunMessage> warningsSince(int from) {
        return messages.subList(from, messages.size()).stream()
                .filter(m -> RunMessage.WARNING.equals(m.level())).toList();
    }

    /** A record rejected with its errors; its id, when it has one, is remembered ({@link #wasRejected}). */
    void reject(String localId, List<RunMessage> errors) {
        messages.addAll(errors);
        rejected++;
        if (localId != null) {
            rejectedIds.add(localId);
        }
    }

    /** An error about the whole run (not a record): said, not counted. */
    void error(RunMessage error) {
        messages.add(error);
    }

    boolean wasRejected(String localId) {
        return rejectedIds.contains(localId);
    }

    int rejected() {
        return rejected;
    }

    int warnings() {
        return warnings;
    }

    List<RunMessage> messages() {
        return messages;
    }
}
