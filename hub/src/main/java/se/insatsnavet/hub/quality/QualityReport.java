package se.insatsnavet.hub.quality;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import se.insatsnavet.hub.http.Responses;
import se.insatsnavet.hub.linkcheck.LinkResult;
import se.insatsnavet.hub.services.ServiceCatalog;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Quality per federation, computed from the published services after each change (cached until the next):
 * the average score, how many services are stale or lack contact details, and the services to fix first.
 * Blocking: call from workers.
 */
public final class QualityReport {

    private static final Comparator<ObjectNode> WORST_FIRST = Comparator.comparingInt((ObjectNode o) -> o.path("score").asInt())
            .thenComparing(o -> o.path("id").asText());

    private final ServiceCatalog catalog;
    private final QualityCheck check;
    private volatile Map<String, List<ObjectNode>> byFederation;
    /** One federation's results, computed alone (what a run report needs: not the whole catalogue after each run). */
    private final Map<String, List<ObjectNode>> ofFederation = new ConcurrentHashMap<>();
    private volatile Supplier<Map<String, Map<String, LinkResult>>> links = Map::of;
    private volatile Items items;

    /** Where the published services' items are read from. */
    @FunctionalInterface
    public interface Items {
        /** Hands every published item of {@code federation} (null: of every federation) to {@code action}. */
        void forEach(String federation, Consumer<ObjectNode> action);
    }

    public QualityReport(ServiceCatalog catalog, Clock clock) {
        this.catalog = catalog;
        this.check = new QualityCheck(clock);
        this.items = (federation, action) -> {
            if (federation == null) {
                catalog.forEachItem(action);
            } else {
                catalog.forEachItemOf(federation, action);
            }
        };
    }

    /**
     * Reads the items from {@code source} from now on (the hub: the search index's stored items, which are the
     * store's, while the index is in line with the store) instead of describing every service from the store.
     */
    public void readItemsFrom(Items source) {
        this.items = source;
    }

    /** Reports what the link check found (federation → address → result) from now on. */
    public void useLinkResults(Supplier<Map<String, Map<String, LinkResult>>> source) {
        this.links = source;
        invalidate();
    }

    /** Forgets the cached results (after a change). */
    public void invalidate() {
        byFederation = null;
        ofFederation.clear();
    }

    /**
     * After a change to these services ({@code <federation>.<localId>} ids): the whole-catalogue results are
     * forgotten, and each federation's cached results are brought up to date service by service, reading only the
     * changed services ({@code uriOf} gives a service's IRI), so the next run report of a large federation does not
     * read all its services again. A federation with many changes is read anew when next asked.
     */
    public void changed(Collection<String> serviceIds, Function<String, String> uriOf) {
        byFederation = null;
        Map<String, List<String>> byFed = new TreeMap<>();
        for (String id : serviceIds) {
            int dot = id.indexOf('.');
            byFed.computeIfAbsent(dot < 0 ? id : id.substring(0, dot), f -> new ArrayList<>()).add(id);
        }
        byFed.forEach((federation, ids) -> {
            List<ObjectNode> cached = ofFederation.get(federation);
            if (cached == null) {
                return; // computed whole when next asked
            }
            if (ids.size() > Math.max(16, cached.size() / 4)) {
                ofFederation.remove(federation);
                return;
            }
            Map<String, LinkResult> checked = links.get().getOrDefault(federation, Map.of());
            Map<String, ObjectNode> byId = new LinkedHashMap<>();
            cached.forEach(o -> byId.put(o.path("id").asText(), o));
            for (String id : ids) {
                Optional<ObjectNode> item = catalog.itemOf(uriOf.apply(id));
                if (item.isPresent()) {
                    byId.put(id, check.check(item.get(), checked::get));
                } else {
                    byId.remove(id); // no longer published
                }
            }
            List<ObjectNode> updated = new ArrayList<>(byId.values());
            updated.sort(WORST_FIRST);
            // unless something forgot or replaced them meanwhile (then they are read anew, changes included)
            ofFederation.replace(federation, cached, updated);
        });
    }

    private Map<String, List<ObjectNode>> results() {
        Map<String, List<ObjectNode>> current = byFederation;
        if (current == null) {
            Map<String, List<ObjectNode>> built = new TreeMap<>();
            Map<String, Map<String, LinkResult>> checked = links.get();
            items.forEach(null, item -> {
                String federation = item.path("federation").asText();
                Map<String, LinkResult> ofFederation = checked.getOrDefault(federation, Map.of());
                built.computeIfAbsent(federation, f -> new ArrayList<>()).add(check.check(item, ofFederation::get));
            });
            built.values().forEach(list -> list.sort(WORST_FIRST));
            byFederation = built;
            current = built;
        }
        return current;
    }

    /** Every federation's summary. */
    public ObjectNode summary() {
        ObjectNode body = Responses.object();
        ArrayNode items = body.putArray("federations");
        results().forEach((federation, services) -> items.add(summary(federation, services)));
        return body;
    }

    /** One federation: its summary and every service, worst first; empty when it has no published service. */
    public Optional<ObjectNode> federation(String federation) {
        List<ObjectNode> services = results().get(federation);
        if (services == null) {
            return Optional.empty();
        }
        ObjectNode body = summary(federation, services);
        ArrayNode list = body.putArray("services");
        services.forEach(list::add);
        return Optional.of(body);
    }

    /**
     * One federation's summary as it stands now (a federation without published services has a summary with
     * none), without the list of every service: what each run report carries.
     */
    public ObjectNode federationSummary(String federation) {
        Map<String, List<ObjectNode>> all = byFederation;
        List<ObjectNode> services = all != null ? all.getOrDefault(federation, List.of())
                : ofFederation.computeIfAbsent(federation, this::resultsOf);
        return summary(federation, services);
    }

    /** One federation's results, worst first, reading only its services. */
    private List<ObjectNode> resultsOf(String federation) {
        Map<String, LinkResult> checked = links.get().getOrDefault(federation, Map.of());
        List<ObjectNode> out = new ArrayList<>();
        items.forEach(federation, item -> out.add(check.check(item, checked::get)));
        out.sort(WORST_FIRST);
        return out;
    }

    private static ObjectNode summary(String federation, List<ObjectNode> services) {
        ObjectNode o = Responses.object();
        o.put("federation", federation);
        o.put("services", services.size());
        o.put("averageScore", Math.round(services.stream().mapToInt(s -> s.path("score").asInt()).average().orElse(0)));
        o.put("stale", services.stream().filter(s -> s.path("stale").asBoolean()).count());
        o.put("withoutContact", services.stream().filter(s -> s.path("reasons").toString().contains("missing contact")).count());
        Map<String, Long> problems = new TreeMap<>();
        services.forEach(s -> s.path("reasons").forEach(r -> problems.merge(problem(r.asText()), 1L, Long::sum)));
        ObjectNode counts = o.putObject("problems");
        problems.forEach(counts::put);
        ArrayNode first = o.putArray("fixFirst");
        services.stream().limit(5).forEach(s -> {
            ObjectNode f = first.addObject().put("id", s.path("id").asText()).put("title", s.path("title").asText())
                    .put("score", s.path("score").asInt());
            f.set("reasons", s.path("reasons").deepCopy());
        });
        return o;
    }

    /** The kind of problem a reason names: its text before any ": " (the details). */
    static String problem(String reason) {
        int colon = reason.indexOf(": ");
        return colon < 0 ? reason : reason.substring(0, colon);
    }
}
