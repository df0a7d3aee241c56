package se.exempelby.insatsnavet;

import com.fasterxml.jackson.databind.node.ObjectNode;
import se.insatsnavet.plugin.api.PluginMessage;
import se.insatsnavet.plugin.api.RecordContext;
import se.insatsnavet.plugin.api.ValidatorPlugin;

import java.util.ArrayList;
import java.util.List;

/**
 * Exempelby's own editorial rules: a description people can act on (at least {@value #MIN_DESCRIPTION}
 * characters, else a warning) and a contact address on the federation's domain for services it runs (error).
 */
public final class ExempelbyValidator implements ValidatorPlugin {

    static final int MIN_DESCRIPTION = 60;

    @Override
    public String id() {
        return "exempelby-regler";
    }

    @Override
    public List<PluginMessage> validate(ObjectNode service, RecordContext context) {
        List<PluginMessage> messages = new ArrayList<>();
        String description = service.path("description").path("sv").asText("");
        if (description.length() < MIN_DESCRIPTION) {
            messages.add(PluginMessage.warning("description", description,
                    "Beskriv insatsen med minst " + MIN_DESCRIPTION + " tecken så att läsaren vet vad den innebär"));
        }
        String email = service.path("contact").path("email").asText("");
        boolean federationRuns = "federation".equals(service.path("provider").path("type").asText());
        if (federationRuns && !email.isEmpty() && !email.endsWith("@exempelby.se")) {
            messages.add(PluginMessage.error("contact.email", email,
                    "Services the federation runs use an address on exempelby.se"));
        }
        return messages;
    }
}
