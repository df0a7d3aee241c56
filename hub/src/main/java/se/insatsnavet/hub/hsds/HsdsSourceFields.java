package se.insatsnavet.hub.hsds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import se.insatsnavet.hub.http.Responses;
import se.insatsnavet.hub.linkeddata.ServicePage;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Gives an HSDS service object back what its source said, as the hub keeps it: {@code source_id} (the
 * source's own id of the service), {@code alert}, {@code fees_description} and {@code cost_options} (from
 * {@code costs}), the source's {@code last_modified}, and every field of the canonical {@code hsds} part
 * (nested objects whole). HSDS 3 ids are UUIDs unique in the hub, so every nested object's {@code id} is a
 * name-based UUID of the service IRI and the source's id ({@link HsdsIds#of(String, String)} with
 * {@code source/<id>}), the source's id beside it as {@code source_id}; {@code *_id} references are mapped
 * the same way, so they still point at the objects they named (the service's and its organization's own ids
 * at the hub's ones). {@code attributes}, {@code service_areas} and {@code service_at_locations} list the
 * source's objects first, then the hub's (taxonomy terms and municipalities); other nested lists are the
 * source's.
 */
final class HsdsSourceFields {

    /** Lists the hub derives itself that are joined to the source's instead of replaced by them. */
    private static final Set<String> JOINED = Set.of("attributes", "service_areas", "service_at_locations");

    private HsdsSourceFields() {
    }

    /** Adds the source's fields of canonical {@code item} to HSDS service {@code o} (nested ones only if {@code full}). */
    static void apply(ObjectNode o, JsonNode item, String uri, boolean full) {
        o.put("source_id", item.path("localId").asText());
        String alert = ServicePage.text(item.path("alert"));
        if (!alert.isBlank()) {
            o.put("alert", alert);
        }
        if (item.hasNonNull("sourceModified")) {
            o.put("last_modified", item.path("sourceModified").asText());
        }
        JsonNode source = item.path("hsds");
        for (JsonNode cost : item.path("costs")) {
            if (!cost.has("id") && !o.has("fees_description")) {
                o.put("fees_description", ServicePage.text(cost.path("description")));
            }
        }
        if (full && !source.has("cost_options")) {
            ArrayNode options = Responses.JSON.createArrayNode();
            for (JsonNode cost : item.path("costs")) {
                if (cost.has("id")) {
                    ObjectNode option = options.addObject();
                    option.put("id", HsdsIds.of(uri, "source/" + cost.path("id").asText()));
                    option.put("source_id", cost.path("id").asText());
                    if (cost.has("description")) {
                        option.put("option", ServicePage.text(cost.path("description")));
                    }
                    if (cost.has("amount")) {
                        option.set("amount", cost.path("amount"));
                    }
                    if (cost.has("currency")) {
                        option.put("currency", cost.path("currency").asText());
                    }
                }
            }
            if (!options.isEmpty()) {
                o.set("cost_options", options);
            }
        }
        if (!source.isObject()) {
            return;
        }
        String sourceOrg = source.path("organization").path("id").asText(null);
        Map<String, String> known = new HashMap<>();
        known.put(item.path("localId").asText(), o.path("id").asText());
        if (sourceOrg != null) {
            known.putIfAbsent(sourceOrg, o.path("organization_id").asText());
        }
        for (Map.Entry<String, JsonNode> field : source.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            // the service's own id and its organization's are the hub's (the source's: source_id)
            if (name.equals("id") || name.equals("organization_id") || value.isContainerNode() && !full) {
                continue;
            }
            JsonNode mapped = mapIds(value, uri, known);
            if (name.equals("organization") && o.path("organization").isObject() && mapped.isObject()) {
                ObjectNode org = (ObjectNode) o.path("organization");
                mapped.properties().forEach(e -> {
                    if (!e.getKey().equals("id")) {
                        org.set(e.getKey(), e.getValue());
                    }
                });
            } else if (JOINED.contains(name) && mapped.isArray() && o.path(name).isArray()) {
                ArrayNode joined = Responses.JSON.createArrayNode();
                joined.addAll((ArrayNode) mapped);
                joined.addAll((ArrayNode) o.path(name));
                o.set(name, joined);
            } else {
                o.set(name, mapped);
            }
        }
    }

    /** A copy of {@code node} whose ids and id references are the hub's UUIDs, each object's own id also as source_id. */
    private static JsonNode mapIds(JsonNode node, String uri, Map<String, String> known) {
        if (node.isArray()) {
            ArrayNode out = Responses.JSON.createArrayNode();
            node.forEach(n -> out.add(mapIds(n, uri, known)));
            return out;
        }
        if (!node.isObject()) {
            return node.deepCopy();
        }
        ObjectNode out = Responses.object();
        Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            String key = e.getKey();
            JsonNode value = e.getValue();
            if ((key.equals("id") || key.endsWith("_id")) && value.isValueNode() && !value.isNull()) {
                String id = value.asText();
                out.put(key, known.getOrDefault(id, HsdsIds.of(uri, "source/" + id)));
                if (key.equals("id")) {
                    out.put("source_id", id);
                }
            } else {
                out.set(key, mapIds(value, uri, known));
            }
        }
        return out;
    }
}
