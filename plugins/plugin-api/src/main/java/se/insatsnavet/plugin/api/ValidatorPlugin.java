package se.insatsnavet.plugin.api;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** Extra rules for canonical services; errors reject the record, warnings only appear in the run report. */
public interface ValidatorPlugin extends PluginFactory {

    /** The problems of one service (empty when it passes). */
    List<PluginMessage> validate(ObjectNode service, RecordContext context);
}
