package se.insatsnavet.hub.validatebundle;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import se.insatsnavet.plugin.api.MappingException;
import se.insatsnavet.plugin.api.RecordContext;
import se.insatsnavet.plugin.api.RecordMapperPlugin;

import java.util.Map;

/**
 * Maps rows {@code Nr;Rubrik;Text} where "Rubrik" is written in capitals and "Nr" carries a prefix {@code #}:
 * a layout the declarative mapping cannot express (the title is put in sentence case, the prefix dropped).
 */
public final class ListMapper implements RecordMapperPlugin {

    public static final String ID = "provlista";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ObjectNode map(Map<String, Object> record, RecordContext context) {
        Object nr = record.get("Nr");
        if (nr == null || !nr.toString().startsWith("#")) {
            throw new MappingException("localId", nr == null ? null : nr.toString(), "Column 'Nr' must start with '#'");
        }
        ObjectNode s = JsonNodeFactory.instance.objectNode();
        s.put("localId", nr.toString().substring(1));
        String title = String.valueOf(record.get("Rubrik")).trim();
        s.putObject("title").put(context.language(), title.charAt(0) + title.substring(1).toLowerCase(java.util.Locale.ROOT));
        s.putObject("description").put(context.language(), String.valueOf(record.get("Text")));
        context.municipalities().forEach(s.putArray("municipalities")::add);
        return s;
    }
}
