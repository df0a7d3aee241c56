package se.insatsnavet.plugin.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.jena.rdf.model.Model;
import se.insatsnavet.plugin.api.EnricherPlugin;
import se.insatsnavet.plugin.api.PluginMessage;
import se.insatsnavet.plugin.api.RecordContext;
import se.insatsnavet.plugin.api.RecordMapperPlugin;
import se.insatsnavet.plugin.api.ValidatorPlugin;
import se.insatsnavet.schema.ShaclCheck;
import se.insatsnavet.schema.Shapes;
import se.insatsnavet.schema.json.JsonSchemas;
import se.insatsnavet.schema.json.SchemaProblem;
import se.insatsnavet.schema.rdf.ServiceContext;
import se.insatsnavet.schema.rdf.ServiceRdf;
import se.insatsnavet.schema.vocab.HubIris;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Tests a plugin without a hub, with the hub's own checks: a record goes through the mapper, the
 * enrichers and the validators in the hub's order, then the canonical JSON Schema, and the resulting RDF
 * through the vocabulary's SHACL shapes.
 *
 * <pre>{@code
 * PluginTestKit kit = PluginTestKit.forFederation("exempelby", List.of("0580")).with(new MyEnricher());
 * PluginTestKit.Result r = kit.map(new MyMapper(), Map.of("Rubrik", "Jobbspår", ...));
 * assertTrue(r.valid(), r.toString());
 * }</pre>
 */
public final class PluginTestKit {

    private final String federationId;
    private final List<String> municipalities;
    private final List<EnricherPlugin> enrichers = new ArrayList<>();
    private final List<ValidatorPlugin> validators = new ArrayList<>();
    private final HubIris iris = HubIris.defaults();

    private PluginTestKit(String federationId, List<String> municipalities) {
        this.federationId = federationId;
        this.municipalities = List.copyOf(municipalities);
    }

    /** A kit for a federation with these member municipalities (SCB codes). */
    public static PluginTestKit forFederation(String federationId, List<String> municipalities) {
        return new PluginTestKit(federationId, municipalities);
    }

    /** Adds enrichers, run after the mapper in {@code order()}. */
    public PluginTestKit with(EnricherPlugin... plugins) {
        enrichers.addAll(List.of(plugins));
        enrichers.sort((a, b) -> Integer.compare(a.order(), b.order()));
        return this;
    }

    /** Adds validators. */
    public PluginTestKit with(ValidatorPlugin... plugins) {
        validators.addAll(List.of(plugins));
        return this;
    }

    /** Maps one raw record and checks the result as the hub would. */
    public Result map(RecordMapperPlugin mapper, Map<String, Object> record) {
        RecordContext context = new RecordContext(federationId, "test", "record", "sv", municipalities);
        return check(mapper.map(record, context), context);
    }

    /** Enriches, validates and checks an already canonical service. */
    public Result check(ObjectNode service) {
        return check(service, new RecordContext(federationId, "test", "record", "sv", municipalities));
    }

    private Result check(ObjectNode service, RecordContext context) {
        ObjectNode s = service;
        for (EnricherPlugin e : enrichers) {
            s = e.enrich(s, context);
        }
        List<PluginMessage> messages = new ArrayList<>();
        for (ValidatorPlugin v : validators) {
            messages.addAll(v.validate(s, context));
        }
        List<SchemaProblem> schema = JsonSchemas.service().validate(s);
        ShaclCheck.Result shacl = null;
        if (schema.isEmpty() && s.hasNonNull("localId")) {
            Model model = ServiceRdf.of(iris).toRdf(s, new ServiceContext(iris, federationId, context.sourceId(), 1, Instant.now()));
            shacl = ShaclCheck.validate(model, Shapes.hub(iris));
        }
        return new Result(s, schema, messages, shacl);
    }

    /**
     * What the hub would see.
     *
     * @param service        the canonical service after mapping and enrichment
     * @param schemaProblems its JSON Schema problems (empty when valid)
     * @param pluginMessages what the validators said
     * @param shacl          the SHACL result of its RDF, or null when the JSON Schema already failed
     */
    public record Result(ObjectNode service, List<SchemaProblem> schemaProblems, List<PluginMessage> pluginMessages,
                         ShaclCheck.Result shacl) {

        /** Whether the hub would publish the service. */
        public boolean valid() {
            return schemaProblems.isEmpty() && shacl != null && shacl.conforms()
                    && pluginMessages.stream().noneMatch(PluginMessage::error);
        }

        @Override
        public String toString() {
            return "service=" + service + ", schemaProblems=" + schemaProblems + ", pluginMessages=" + pluginMessages
                    + ", shacl=" + (shacl == null ? "not run" : shacl.conforms() ? "conforms" : shacl.messages());
        }
    }
}
