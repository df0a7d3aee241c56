package se.insatsnavet.plugin.api;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Improves a canonical service after mapping and before validation (e.g. adds a funding code). */
public interface EnricherPlugin extends PluginFactory {

    /** Returns the enriched service; may modify and return {@code service} itself. */
    ObjectNode enrich(ObjectNode service, RecordContext context);
}
