package se.insatsnavet.hub.imports;

import com.fasterxml.jackson.databind.JsonNode;
import se.insatsnavet.schema.json.JsonSchemas;
import se.insatsnavet.schema.json.SchemaProblem;

/**
 * Stage "check": what a mapped service must be to be published, record by record: valid against the canonical
 * JSON Schema and the only record of its source with its id; a service without a Swedish title is published with
 * a warning. A record already rejected by the mapping or a plugin is not checked further. Every check of one
 * canonical service on its own belongs here.
 */
final class RecordChecks {

    /** Adds the record's errors to {@code record}, its warnings to {@code log}. */
    void check(Mapping.Mapped record, ValidRecords valid, RunLog log) {
        if (record.rejected()) {
            return;
        }
        for (SchemaProblem p : JsonSchemas.service().validate(record.service)) {
            record.errors.add(RunMessage.error(record.locator, record.localId, p.field(),
                    valueAt(record.service, p.field()), p.message()));
        }
        if (record.rejected()) {
            return;
        }
        if (valid.has(record.localId)) {
            record.errors.add(RunMessage.error(record.locator, record.localId, "localId", record.localId,
                    "Another record of this source already has this id; ids must be unique"));
            return;
        }
        if (!record.service.path("title").has("sv")) {
            log.warn(RunMessage.warning(record.locator, record.localId, "title", null,
                    "No Swedish title; the service is listed under its title in another language"));
        }
    }

    /** The value at a dotted field path like {@code contact.email} or {@code municipalities[0]}, as text. */
    static String valueAt(JsonNode root, String field) {
        if (root == null || field == null || field.isEmpty()) {
            return null;
        }
        JsonNode node = root;
        for (String part : field.split("\\.")) {
            String name = part;
            int bracket = part.indexOf('[');
            if (bracket >= 0) {
                name = part.substring(0, bracket);
            }
            if (!name.isEmpty()) {
                node = node.path(name);
            }
            if (bracket >= 0) {
                for (String index : part.substring(bracket + 1).split("\\]\\[?")) {
                    if (!index.isEmpty()) {
                        node = node.path(Integer.parseInt(index));
                    }
                }
            }
        }
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }
}
