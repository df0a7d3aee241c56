package se.insatsnavet.hub.imports;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import se.insatsnavet.connectors.mapping.RecordMessage;
import se.insatsnavet.hub.http.Responses;

import java.util.TreeMap;

/** JSON of run reports as the runs API publishes them. */
public final class RunJson {

    private RunJson() {
    }

    /** A run without its messages. */
    public static ObjectNode summary(RunReport r) {
        ObjectNode o = Responses.object();
        o.put("id", r.id());
        o.put("federation", r.federationId());
        o.put("source", r.sourceId());
        o.put("trigger", r.trigger());
        o.put("status", r.status().label());
        o.put("startedAt", r.startedAt().toString());
        if (r.finishedAt() != null) {
            o.put("finishedAt", r.finishedAt().toString());
            o.put("durationMs", r.durationMillis());
        }
        RunCounts c = r.counts();
        o.putObject("counts").put("read", c.read()).put("valid", c.valid()).put("added", c.added())
                .put("updated", c.updated()).put("deleted", c.deleted()).put("unchanged", c.unchanged())
                .put("rejected", c.rejected()).put("warnings", c.warnings());
        if (r.failure() != null) {
            o.put("failure", r.failure());
        }
        o.put("href", "/api/federations/" + r.federationId() + "/runs/" + r.id());
        return o;
    }

    /**
     * What of the source the run's published services do not carry, per field: the warnings "Not carried"
     * summed (a warning about a whole part of the source counts that part's rows, given as its value).
     */
    public static ObjectNode notCarried(RunReport r) {
        TreeMap<String, Long> counts = new TreeMap<>();
        for (RunMessage m : r.messages()) {
            if (RunMessage.WARNING.equals(m.level()) && m.message() != null && m.field() != null
                    && m.message().startsWith(RecordMessage.NOT_CARRIED)) {
                long n = m.value() != null && m.value().matches("[0-9]{1,9}") ? Long.parseLong(m.value()) : 1;
                counts.merge(m.field(), n, Long::sum);
            }
        }
        ObjectNode o = Responses.object();
        counts.forEach(o::put);
        return o;
    }

    /** A run with its errors and warnings, each naming record and field. */
    public static ObjectNode full(RunReport r) {
        ObjectNode o = summary(r);
        ArrayNode errors = o.putArray("errors");
        ArrayNode warnings = o.putArray("warnings");
        o.set("notCarried", notCarried(r));
        for (RunMessage m : r.messages()) {
            ObjectNode mo = (RunMessage.ERROR.equals(m.level()) ? errors : warnings).addObject();
            mo.put("federation", r.federationId());
            if (m.localId() != null) {
                mo.put("record", m.localId());
            }
            if (m.locator() != null) {
                mo.put("locator", m.locator());
            }
            if (m.field() != null) {
                mo.put("field", m.field());
            }
            if (m.value() != null) {
                mo.put("value", m.value());
            }
            mo.put("message", m.message());
        }
        return o;
    }
}
