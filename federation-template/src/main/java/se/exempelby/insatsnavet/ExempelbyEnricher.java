package se.exempelby.insatsnavet;

import com.fasterxml.jackson.databind.node.ObjectNode;
import se.insatsnavet.plugin.api.EnricherPlugin;
import se.insatsnavet.plugin.api.RecordContext;

/** Every Exempelby service is run by the federation and financed through Finsam unless the record says otherwise. */
public final class ExempelbyEnricher implements EnricherPlugin {

    @Override
    public String id() {
        return "exempelby-finsam";
    }

    @Override
    public ObjectNode enrich(ObjectNode service, RecordContext context) {
        if (!service.has("funding")) {
            service.putArray("funding").add("finsam");
        }
        if (!service.has("provider")) {
            ObjectNode provider = service.putObject("provider");
            provider.putObject("name").put("sv", "Samordningsförbundet Exempelby");
            provider.put("type", "federation");
        }
        return service;
    }
}
