package se.insatsnavet.hub.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import se.insatsnavet.hub.http.Blocking;
import se.insatsnavet.hub.http.BodyCache;
import se.insatsnavet.hub.http.PreparedBody;
import se.insatsnavet.hub.http.QueryParams;
import se.insatsnavet.hub.http.Responses;
import se.insatsnavet.hub.usage.UsageCounter;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code GET /api/services}: a page of published services as JSON {@code {items, total, page, perPage}}.
 * Parameters: {@code page}, {@code perPage} (max 100), and filters that combine with AND: {@code q}
 * (words in title or description), {@code municipality} (4-digit SCB code), {@code county} (2-digit SCB
 * code), {@code targetGroup}, {@code method}, {@code providerType} (concept codes), {@code status} (by default
 * {@code current}: active, or planned to start soon; {@code all}; or status codes separated by commas, see
 * {@link StatusFilter}), {@code age} (a person's age within the service's range), {@code federation} (id).
 */
public final class ServicesHandler implements Handler<RoutingContext> {

    private static final int MAX_WORDS = 8;
    /** Bytes of rendered search responses kept: 16 MB unless configured ({@code insatsnavet.cache.searchBytes}). */
    static final long CACHED_BYTES = Long.getLong("insatsnavet.cache.searchBytes", 16L * 1024 * 1024);

    /** What a local answer depends on: the filter and whether facets were asked for. */
    private record Question(ServiceFilter filter, boolean facets) {
    }

    private final BodyCache<Question> answers = BodyCache.create(CACHED_BYTES);
    /** Answers without hits, apart: a hit from here still counts as a search without hits in the usage statistics. */
    private final BodyCache<Question> emptyAnswers = BodyCache.create(CACHED_BYTES / 16);

    private final Vertx vertx;
    private final ServiceCatalog catalog;
    private final PeerSearch peers;
    private final String ownBase;
    private Function<String, Optional<String>> municipalityNames = name -> Optional.empty();
    private UsageCounter usage;

    private ServicesHandler(Vertx vertx, ServiceCatalog catalog, PeerSearch peers, String ownBase) {
        this.vertx = vertx;
        this.catalog = catalog;
        this.peers = peers;
        this.ownBase = ownBase;
    }

    public static ServicesHandler create(Vertx vertx, ServiceCatalog catalog) {
        return new ServicesHandler(vertx, catalog, null, null);
    }

    /** Counts each search's first page in the anonymous usage statistics (filters, words without hits). */
    public ServicesHandler withUsage(UsageCounter counter) {
        this.usage = counter;
        return this;
    }

    /** Lets {@code municipality} be a name too (name → SCB code). */
    public ServicesHandler withMunicipalityNames(Function<String, Optional<String>> names) {
        this.municipalityNames = names;
        return this;
    }

    /**
     * With peer hubs: {@code network=true} also asks them (each with its own time-out) and merges their
     * results, each item marked with the {@code hub} it comes from; {@code peers} says how each answered and
     * {@code partial} whether any did not.
     */
    public static ServicesHandler create(Vertx vertx, ServiceCatalog catalog, PeerSearch peers, String ownBase) {
        return new ServicesHandler(vertx, catalog, peers, ownBase);
    }

    @Override
    public void handle(RoutingContext ctx) {
        ServiceFilter filter;
        boolean facets;
        try {
            String q = QueryParams.string(ctx, "q", 200);
            List<String> words = QueryParams.words(q, MAX_WORDS);
            filter = new ServiceFilter(words,
                    municipality(ctx),
                    QueryParams.matching(ctx, "targetGroup", "[a-z0-9]+(-[a-z0-9]+)*", "a target-group code"),
                    QueryParams.matching(ctx, "federation", "[a-z0-9]+(-[a-z0-9]+)*(,[a-z0-9]+(-[a-z0-9]+)*){0,100}", "federation ids, separated by commas"),
                    QueryParams.integer(ctx, "page", 1, 1, 100_000),
                    QueryParams.integer(ctx, "perPage", ServiceFilter.DEFAULT_PER_PAGE, 1, ServiceFilter.MAX_PER_PAGE),
                    new ServiceFilter.More(
                            QueryParams.matching(ctx, "county", "[0-9]{2}(,[0-9]{2}){0,20}", "2-digit SCB county codes, separated by commas"),
                            ctx.queryParams().get("age") == null ? null : QueryParams.integer(ctx, "age", 0, 0, 120),
                            QueryParams.matching(ctx, "method", "[a-z0-9]+(-[a-z0-9]+)*", "a method code"),
                            QueryParams.matching(ctx, "providerType", "[a-z0-9]+(-[a-z0-9]+)*", "a provider-type code"),
                            status(ctx),
                            null, null, null,
                            QueryParams.matching(ctx, "language", "[a-z]{2,3}", "an ISO 639 language code"),
                            QueryParams.matching(ctx, "referral", "required|self", "required or self"),
                            QueryParams.matching(ctx, "sort", "relevance|title", "relevance or title")));
            facets = !"false".equals(ctx.queryParams().get("facets"));
        } catch (QueryParams.BadRequest e) {
            Responses.problem(ctx, 400, e.getMessage());
            return;
        }
        boolean withFacets = facets;
        boolean network = "true".equals(ctx.queryParams().get("network")) && peers != null && !peers.peers().isEmpty();
        // a local answer is reused until the search index changes (its generation moves on)
        Question question = new Question(filter, withFacets);
        long generation = catalog.searchGeneration();
        if (!network && generation >= 0) {
            PreparedBody known = answers.get(question, generation);
            PreparedBody knownEmpty = known == null ? emptyAnswers.get(question, generation) : null;
            if (known != null || knownEmpty != null) {
                if (usage != null && filter.page() == 1) {
                    usage.search(filter.q(), known != null ? 1 : 0, filter.targetGroup(), filter.municipality());
                }
                Responses.send(ctx, known != null ? known : knownEmpty);
                return;
            }
        }
        if (!network) {
            // the body is written and hashed on the worker too (tens of kilobytes: not on the event loop)
            Blocking.run(vertx, () -> {
                ServicePageResult result = catalog.search(filter, withFacets, true);
                return new LocalAnswer(result.total(), PreparedBody.of("application/json", result.body(withFacets)));
            }).onComplete(ar -> {
                if (ar.failed()) {
                    Responses.failed(ctx, ar.cause());
                    return;
                }
                LocalAnswer answer = ar.result();
                if (usage != null && filter.page() == 1) {
                    usage.search(filter.q(), answer.total(), filter.targetGroup(), filter.municipality());
                }
                if (generation >= 0) {
                    (answer.total() == 0 ? emptyAnswers : answers).put(question, generation, answer.body());
                }
                Responses.send(ctx, answer.body());
            });
            return;
        }
        Future<List<PeerSearch.PeerAnswer>> fromPeers = peers.ask(peerQuery(ctx));
        Future<ServicePageResult> local = Blocking.run(vertx, () -> catalog.search(filter, withFacets, true).parsed());
        Future.all(local, fromPeers).onComplete(ar -> {
            if (ar.failed()) {
                Responses.failed(ctx, ar.cause());
                return;
            }
            ServicePageResult result = local.result();
            if (usage != null && filter.page() == 1) {
                usage.search(filter.q(), result.total(), filter.targetGroup(), filter.municipality());
            }
            ObjectNode body = Responses.object();
            ArrayNode items = body.putArray("items");
            result.items().forEach(item -> items.add(network ? item.put("hub", ownBase) : item));
            long total = result.total();
            ObjectNode facetsNode = Responses.JSON.valueToTree(result.facets());
            if (network) {
                ArrayNode peerStatus = body.putArray("peers");
                boolean partial = false;
                for (PeerSearch.PeerAnswer answer : fromPeers.result()) {
                    ObjectNode status = peerStatus.addObject().put("hub", answer.peer()).put("millis", answer.millis());
                    if (!answer.ok()) {
                        status.put("status", answer.problem());
                        partial = true;
                        continue;
                    }
                    status.put("status", "ok").put("total", answer.body().path("total").asLong());
                    total += answer.body().path("total").asLong();
                    for (JsonNode item : answer.body().path("items")) {
                        if (item.isObject()) {
                            items.add(((ObjectNode) item.deepCopy()).put("hub", answer.peer()));
                        }
                    }
                    answer.body().path("facets").fields().forEachRemaining(dim -> dim.getValue().fields().forEachRemaining(v -> {
                        ObjectNode d = facetsNode.has(dim.getKey()) ? (ObjectNode) facetsNode.get(dim.getKey()) : facetsNode.putObject(dim.getKey());
                        d.put(v.getKey(), d.path(v.getKey()).asLong(0) + v.getValue().asLong());
                    }));
                }
                body.put("partial", partial);
            }
            body.put("total", total).put("page", result.page()).put("perPage", result.perPage());
            if (withFacets) {
                body.set("facets", facetsNode);
            }
            Responses.json(ctx, 200, body);
        });
    }

    /**
     * The status parameter: {@value StatusFilter#CURRENT} when not given (active, or planned to start soon),
     * {@value StatusFilter#ALL}, or status codes separated by commas.
     */
    public static String status(RoutingContext ctx) {
        String status = QueryParams.matching(ctx, "status", StatusFilter.PARAMETER,
                "current, all, or status codes (active, planned, paused, ended) separated by commas");
        return status == null ? StatusFilter.CURRENT : status;
    }

    /** A local search's total and its answer, written and hashed on a worker. */
    private record LocalAnswer(long total, PreparedBody body) {
    }

    /** The municipality parameter: a 4-digit SCB code, or a municipality's name ("Linköping", "Linköpings kommun"). */
    private String municipality(RoutingContext ctx) {
        String value = QueryParams.string(ctx, "municipality", 80);
        if (value == null || value.matches("[0-9]{4}")) {
            return value;
        }
        return municipalityNames.apply(value).orElseThrow(() -> new QueryParams.BadRequest(
                "municipality '" + value + "' is neither a 4-digit SCB code nor the name of a Swedish municipality"));
    }

    /** The request's query for the peers: the same parameters, without {@code network} (peers never fan out again). */
    private static String peerQuery(RoutingContext ctx) {
        StringBuilder q = new StringBuilder();
        ctx.queryParams().forEach((name, value) -> {
            if (!name.equals("network")) {
                q.append(q.isEmpty() ? "" : "&").append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                        .append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return q.toString();
    }
}
