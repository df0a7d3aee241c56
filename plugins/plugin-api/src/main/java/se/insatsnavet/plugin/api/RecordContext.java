package se.insatsnavet.plugin.api;

import java.util.List;

/**
 * Where a record comes from and where a plugin reports problems.
 *
 * @param federationId   the federation's id
 * @param sourceId       the source's id within the federation
 * @param locator        where in the source (e.g. "row 7")
 * @param language       the source's language tag (default "sv")
 * @param municipalities the federation's municipalities (SCB codes)
 */
public record RecordContext(String federationId, String sourceId, String locator, String language,
                            List<String> municipalities) {

    public RecordContext {
        municipalities = municipalities == null ? List.of() : List.copyOf(municipalities);
        language = language == null ? "sv" : language;
    }
}
