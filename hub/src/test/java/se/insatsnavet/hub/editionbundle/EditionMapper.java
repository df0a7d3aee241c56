package se.insatsnavet.hub.editionbundle;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import se.insatsnavet.plugin.api.RecordContext;
import se.insatsnavet.plugin.api.RecordMapperPlugin;

import java.util.Map;

/** Maps rows {@code Id,Namn}; the title names the bundle's edition, so a replaced bundle shows in the services. */
public final class EditionMapper implements RecordMapperPlugin {

    public static final String ID = "utgava-lista";

    private final int edition;

    EditionMapper(int edition) {
        this.edition = edition;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ObjectNode map(Map<String, Object> record, RecordContext context) {
        ObjectNode s = JsonNodeFactory.instance.objectNode();
        s.put("localId", String.valueOf(record.get("Id")));
        s.putObject("title").put(context.language(), record.get("Namn") + " (utgåva " + edition + ")");
        s.putObject("description").put(context.language(), "Stöd som heter " + record.get("Namn") + ".");
        context.municipalities().forEach(s.putArray("municipalities")::add);
        return s;
    }
}
