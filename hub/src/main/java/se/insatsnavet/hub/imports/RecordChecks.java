package se.insatsnavet.hub.imports;

/**
 * Stage "check": what a mapped service must be to be published, record by record: its values checked by
 * {@link ValueChecks} (the canonical JSON Schema; a bad optional value left out and warned) and the only record of
 * its source with its id; a service without a Swedish title is published with a warning. A record already rejected by the mapping or a plugin is not checked further. Every check of one
 * canonical service on its own belongs here.
 */
final class RecordChecks {

    /**
     * Adds the record's errors to {@code record}, its warnings to {@code log}; {@code region} is the source's phone
     * region (null: Sweden). The values are checked by {@link ValueChecks}: a bad optional value is left out with a
     * warning, only what makes the record unusable rejects it.
     */
    void check(Mapping.Mapped record, ValidRecords valid, RunLog log, String region) {
        if (record.rejected()) {
            return;
        }
        ValueChecks.Outcome checked = ValueChecks.check(record.locator, record.localId, record.service, region);
        record.errors.addAll(checked.errors());
        checked.warnings().forEach(log::warn);
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
}
