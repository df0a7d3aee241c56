package se.insatsnavet.hub.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import se.insatsnavet.schema.Vocabulary;
import se.insatsnavet.schema.json.JsonSchemas;
import se.insatsnavet.schema.json.SchemaProblem;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Stage "check" of a guidance article, record by record: {@code article.schema.json} (a record that breaks it is
 * rejected, naming the field), the only record of its source with its id, and its links. An unresolved link is a
 * warning naming the record, the field and the value, and the article is still published: a service id the
 * federation does not publish (yet) is kept (it resolves once the service is published; a record with warnings is
 * read again in every run); a target group, method, situation or municipality code the vocabulary does not know
 * is left out (it can never resolve).
 */
final class ArticleChecks {

    /** Link fields holding codes of a scheme of the vocabulary. */
    private static final Map<String, String> CODE_LINKS = Map.of(
            "targetGroups", Vocabulary.TARGET_GROUP,
            "methods", Vocabulary.METHOD,
            "situations", Vocabulary.SITUATION,
            "municipalities", Vocabulary.MUNICIPALITY);

    private final Vocabulary vocabulary;
    private final Set<String> publishedServices;

    /** Checks for one run: {@code publishedServices} are the local ids of the services the federation publishes. */
    ArticleChecks(Vocabulary vocabulary, Set<String> publishedServices) {
        this.vocabulary = vocabulary;
        this.publishedServices = publishedServices;
    }

    void check(Mapping.Mapped record, ValidRecords valid, RunLog log) {
        if (record.rejected() || record.service == null) {
            return;
        }
        for (SchemaProblem p : JsonSchemas.article().validate(record.service)) {
            record.errors.add(RunMessage.error(record.locator, record.localId, p.field(), null, p.message()));
        }
        if (record.rejected()) {
            return;
        }
        if (valid.has(record.localId)) {
            record.errors.add(RunMessage.error(record.locator, record.localId, "id", record.localId,
                    "Another record of this source already has this id; ids must be unique"));
            return;
        }
        for (JsonNode service : record.service.path("services")) {
            if (!publishedServices.contains(service.asText())) {
                log.warn(RunMessage.warning(record.locator, record.localId, "services", service.asText(),
                        "The federation publishes no service with this id; the link is kept and works once it does"));
            }
        }
        CODE_LINKS.forEach((field, scheme) -> {
            if (!(record.service.get(field) instanceof ArrayNode codes)) {
                return;
            }
            for (Iterator<JsonNode> it = codes.iterator(); it.hasNext(); ) {
                String code = it.next().asText();
                if (!vocabulary.conceptExists(scheme, code)) {
                    it.remove();
                    log.warn(RunMessage.warning(record.locator, record.localId, field, code,
                            "Not a code of the " + scheme + " scheme; the link is left out"));
                }
            }
            if (codes.isEmpty()) {
                ((ObjectNode) record.service).remove(field);
            }
        });
    }
}
