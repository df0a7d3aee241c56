package se.insatsnavet.hub.duplicates;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.SKOS;
import se.insatsnavet.hub.http.Responses;
import se.insatsnavet.hub.store.CatalogStore;
import se.insatsnavet.schema.vocab.HubIris;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The likely duplicates of the published catalogue (computed from the search index's stored items after each
 * change, cached until the next), the editors' decisions on them, and the links graph that publishes the
 * confirmed ones. Blocking: call from workers.
 */
public final class DuplicateReport {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The result of a decision. */
    public sealed interface Outcome {
        /** Recorded (and, when confirmed, published). */
        record Decided(DuplicateDecisions.Decision decision) implements Outcome {
        }

        /** Refused, with the HTTP status and a message naming what is wrong. */
        record Refused(int status, String message) implements Outcome {
        }
    }

    private record Computed(List<Candidate> candidates, Map<String, ServiceFingerprint> services) {
    }

    private final Consumer<Consumer<String>> items;
    private final DuplicateDecisions decisions;
    private final CatalogStore store;
    private final HubIris iris;
    private volatile Computed computed;
    private final AtomicLong generation = new AtomicLong();
    private volatile Map<String, DuplicateDecisions.Decision> decided;

    /**
     * @param items hands over every published service's item as JSON (the search index's stored items)
     */
    public DuplicateReport(Consumer<Consumer<String>> items, DuplicateDecisions decisions, CatalogStore store, HubIris iris) {
        this.items = items;
        this.decisions = decisions;
        this.store = store;
        this.iris = iris;
    }

    /** Forgets the candidates (after a change to the catalogue). */
    public void invalidate() {
        generation.incrementAndGet();
        computed = null;
    }

    private Computed computed() {
        Computed current = computed;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            return compute();
        }
    }

    // one computation at a time: requests that arrive meanwhile wait for it and share its result
    private Computed compute() {
        Computed current = computed;
        if (current == null) {
            long started = generation.get();
            List<ServiceFingerprint> services = new ArrayList<>();
            items.accept(json -> {
                try {
                    services.add(ServiceFingerprint.of(JSON.readTree(json)));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("An indexed item is not JSON", e);
                }
            });
            Map<String, ServiceFingerprint> byId = new HashMap<>();
            services.forEach(s -> byId.put(s.id(), s));
            current = new Computed(DuplicateFinder.find(services), byId);
            if (generation.get() == started) {
                // kept unless the catalogue changed meanwhile (then the next request computes again)
                computed = current;
            }
        }
        return current;
    }

    private Map<String, DuplicateDecisions.Decision> decided() {
        Map<String, DuplicateDecisions.Decision> current = decided;
        if (current == null) {
            Map<String, DuplicateDecisions.Decision> built = new HashMap<>();
            decisions.all(null).forEach(d -> built.put(d.key(), d));
            decided = built;
            current = built;
        }
        return current;
    }

    /** The undecided candidates involving {@code federation} (every federation when null), best first. */
    public List<Candidate> open(String federation) {
        Map<String, DuplicateDecisions.Decision> done = decided();
        return computed().candidates().stream()
                .filter(c -> federation == null || c.a().federation().equals(federation) || c.b().federation().equals(federation))
                .filter(c -> !done.containsKey(c.key()))
                .toList();
    }

    /** The decisions ({@code confirmed} or {@code rejected}) involving {@code federation} (every one when null). */
    public List<DuplicateDecisions.Decision> decided(String decision, String federation) {
        return decided().values().stream().filter(d -> d.decision().equals(decision))
                .filter(d -> federation == null || d.federationA().equals(federation) || d.federationB().equals(federation))
                .sorted(Comparator.comparing(DuplicateDecisions.Decision::key)).toList();
    }

    /**
     * A page of {@code GET /api/duplicates}: open candidates ({@code status} "open"), or the confirmed or
     * rejected pairs.
     */
    public ObjectNode page(String federation, String status, int page, int perPage) {
        ObjectNode body = Responses.object();
        ArrayNode list = Responses.JSON.createArrayNode();
        long total;
        int from = (page - 1) * perPage;
        if (status.equals("open")) {
            List<Candidate> open = open(federation);
            total = open.size();
            open.stream().skip(from).limit(perPage).forEach(c -> list.add(json(c)));
        } else {
            List<DuplicateDecisions.Decision> done = decided(status, federation);
            total = done.size();
            Map<String, ServiceFingerprint> services = computed().services();
            done.stream().skip(from).limit(perPage).forEach(d -> list.add(json(d, services)));
        }
        body.put("total", total).put("page", page).put("perPage", perPage).put("status", status);
        if (federation != null) {
            body.put("federation", federation);
        }
        body.set("items", list);
        return body;
    }

    /** One candidate as JSON. */
    public ObjectNode json(Candidate c) {
        ObjectNode o = Responses.object();
        o.set("a", service(c.a()));
        o.set("b", service(c.b()));
        o.put("score", c.score());
        c.reasons().forEach(o.putArray("reasons")::add);
        o.put("titleSimilarity", Math.round(c.titleSimilarity() * 100) / 100.0);
        o.put("sameProvider", c.sameProvider());
        c.sharedMunicipalities().forEach(o.putArray("sharedMunicipalities")::add);
        c.sameContact().forEach(o.putArray("sameContact")::add);
        o.put("status", "open");
        o.put("decide", "/api/duplicates/" + c.a().id() + "/" + c.b().id());
        return o;
    }

    private ObjectNode json(DuplicateDecisions.Decision d, Map<String, ServiceFingerprint> services) {
        ObjectNode o = Responses.object();
        o.set("a", service(d.serviceA(), d.federationA(), services.get(d.serviceA())));
        o.set("b", service(d.serviceB(), d.federationB(), services.get(d.serviceB())));
        if (d.score() != null) {
            o.put("score", d.score());
        }
        o.put("status", d.decision());
        o.put("decidedBy", d.decidedBy());
        o.put("decidedAt", d.decidedAt().toString());
        o.put("decide", "/api/duplicates/" + d.serviceA() + "/" + d.serviceB());
        return o;
    }

    private ObjectNode service(ServiceFingerprint s) {
        return service(s.id(), s.federation(), s);
    }

    private ObjectNode service(String id, String federation, ServiceFingerprint s) {
        ObjectNode o = Responses.object().put("id", id).put("uri", iris.service(id)).put("federation", federation);
        if (s != null) {
            o.put("title", s.title());
        } else {
            o.put("published", false);
        }
        return o;
    }

    /**
     * Records a decision on the pair {@code x}, {@code y} by {@code actor}, after checking that both are
     * published services of two different federations, one of which {@code mayDecide} accepts.
     */
    public Outcome decide(String x, String y, String decision, String actor, Predicate<String> mayDecide) {
        if (!decision.equals(DuplicateDecisions.CONFIRMED) && !decision.equals(DuplicateDecisions.REJECTED)) {
            return new Outcome.Refused(400, "Field 'decision' must be 'confirmed' or 'rejected', not '" + decision + "'");
        }
        if (x.equals(y)) {
            return new Outcome.Refused(400, "A service is not a duplicate of itself: '" + x + "'");
        }
        Computed current = computed();
        ServiceFingerprint sx = current.services().get(x);
        ServiceFingerprint sy = current.services().get(y);
        if (sx == null || sy == null) {
            return new Outcome.Refused(404, "No published service '" + (sx == null ? x : y) + "'");
        }
        if (sx.federation().equals(sy.federation())) {
            return new Outcome.Refused(400, "Both services are listed by federation '" + sx.federation()
                    + "': a federation removes its own duplicates from its catalogue");
        }
        if (!mayDecide.test(sx.federation()) && !mayDecide.test(sy.federation())) {
            return new Outcome.Refused(403, "This token may decide only on pairs involving its own federation, not '"
                    + sx.federation() + "' and '" + sy.federation() + "'");
        }
        Candidate scored = DuplicateFinder.score(sx, sy);
        DuplicateDecisions.Decision d = new DuplicateDecisions.Decision(scored.a().id(), scored.b().id(),
                scored.a().federation(), scored.b().federation(), decision, scored.score(), actor, Instant.now());
        decisions.decide(d);
        decided = null;
        publishLinks();
        return new Outcome.Decided(d);
    }

    /** Withdraws a decision (the pair may be listed again); its link is unpublished. */
    public boolean withdraw(String x, String y, Predicate<String> mayDecide) {
        String key = Candidate.pairKey(x, y);
        DuplicateDecisions.Decision d = decided().get(key);
        if (d == null || (!mayDecide.test(d.federationA()) && !mayDecide.test(d.federationB()))) {
            return false;
        }
        decisions.withdraw(d.serviceA(), d.serviceB());
        decided = null;
        publishLinks();
        return true;
    }

    /** The decision on a pair, if any. */
    public Optional<DuplicateDecisions.Decision> decision(String x, String y) {
        return Optional.ofNullable(decided().get(Candidate.pairKey(x, y)));
    }

    /**
     * Writes the links graph anew: owl:sameAs and skos:exactMatch both ways between every confirmed pair; nothing is
     * written when the graph already holds exactly those links. Returns whether it wrote.
     */
    public boolean publishLinks() {
        Model links = ModelFactory.createDefaultModel();
        for (DuplicateDecisions.Decision d : decisions.all(DuplicateDecisions.CONFIRMED)) {
            Resource a = links.createResource(iris.service(d.serviceA()));
            Resource b = links.createResource(iris.service(d.serviceB()));
            a.addProperty(OWL.sameAs, b).addProperty(SKOS.exactMatch, b);
            b.addProperty(OWL.sameAs, a).addProperty(SKOS.exactMatch, a);
        }
        Model published = store.graph(iris.linksGraph());
        if (published.size() == links.size() && published.isIsomorphicWith(links)) {
            return false; // as published already: no write
        }
        store.replaceGraph(iris.linksGraph(), links);
        return true;
    }

    /** The items of one federation's open candidates for a page, as JSON (the editors' page). */
    public List<JsonNode> openJson(String federation, int limit) {
        return open(federation).stream().limit(limit).map(c -> (JsonNode) json(c)).toList();
    }
}
