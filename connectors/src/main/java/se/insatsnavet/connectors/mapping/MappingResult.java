package se.insatsnavet.connectors.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * What the mapper made of one raw record.
 *
 * @param localId  the record's local id, or {@code null} if it has none (then {@code errors} says so)
 * @param service  the canonical service description as far as the mapping got - also when there are errors
 * @param warnings values left out (unmatched concepts, unknown codes, extra values, values that cannot be coerced
 *                 or have the wrong shape), never dropped in silence
 * @param errors   what makes the record unusable (the declarative mapper: no localId; mapper plugins may report more)
 */
public record MappingResult(String localId, ObjectNode service, List<RecordMessage> warnings, List<RecordMessage> errors) {

    public MappingResult {
        warnings = List.copyOf(warnings);
        errors = List.copyOf(errors);
    }

    /** Whether the mapping reported errors (the service should not be published). */
    public boolean hasErrors() {
        return !errors.isEmpty();
    }
}
