package se.insatsnavet.plugin.api;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * Maps one raw record of a source whose layout the declarative mapping cannot express to the hub's
 * canonical service JSON ({@code service.schema.json}). A federation descriptor's source names it with
 * {@code "mapper": "<id>"}.
 */
public interface RecordMapperPlugin extends PluginFactory {

    /**
     * @param record  the raw record: field name → value (text, number, boolean, list or map)
     * @param context the federation and source the record comes from
     * @return the canonical service, as far as the record allows: the hub then checks it against the JSON
     *         Schema and the shapes and reports what is missing
     * @throws MappingException when the record cannot be mapped at all (naming the field)
     */
    ObjectNode map(Map<String, Object> record, RecordContext context);
}
