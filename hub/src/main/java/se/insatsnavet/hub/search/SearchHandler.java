package se.insatsnavet.hub.search;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import se.insatsnavet.hub.http.Blocking;
import se.insatsnavet.hub.http.QueryParams;
import se.insatsnavet.hub.http.Responses;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code GET /api/search?q=&kind=&page=&perPage=}: services and guidance articles found by the same Swedish words
 * ({@link MixedSearch}). {@code kind} is repeatable (service, vagval, story, question, situation-guide); any other
 * parameter, an unknown kind or a page beyond the bound is a 400 naming it.
 */
public final class SearchHandler implements Handler<RoutingContext> {

    private static final Set<String> PARAMETERS = Set.of("q", "kind", "page", "perPage");
    private static final int MAX_WORDS = 8;

    private final Vertx vertx;
    private final MixedSearch search;

    private SearchHandler(Vertx vertx, MixedSearch search) {
        this.vertx = vertx;
        this.search = search;
    }

    public static SearchHandler create(Vertx vertx, MixedSearch search) {
        return new SearchHandler(vertx, search);
    }

    @Override
    public void handle(RoutingContext ctx) {
        MixedSearch.Question question;
        try {
            question = question(ctx);
        } catch (QueryParams.BadRequest e) {
            Responses.problem(ctx, 400, e.getMessage());
            return;
        }
        Blocking.run(vertx, () -> search.search(question)).onComplete(ar -> {
            if (ar.failed()) {
                Responses.failed(ctx, ar.cause());
            } else {
                Responses.json(ctx, 200, ar.result());
            }
        });
    }

    private static MixedSearch.Question question(RoutingContext ctx) {
        Set<String> unknown = new TreeSet<>();
        ctx.queryParams().names().stream().filter(n -> !PARAMETERS.contains(n))
                .forEach(n -> unknown.add(n.length() > 40 ? n.substring(0, 40) + "…" : n));
        if (!unknown.isEmpty()) {
            throw new QueryParams.BadRequest("Unknown parameter" + (unknown.size() > 1 ? "s " : " ") + "'"
                    + String.join("', '", unknown) + "': this endpoint takes " + String.join(", ", List.of("q", "kind", "page", "perPage")));
        }
        for (String single : List.of("q", "page", "perPage")) {
            if (ctx.queryParams().getAll(single).size() > 1) {
                throw new QueryParams.BadRequest("Parameter '" + single + "' is given more than once");
            }
        }
        Set<String> kinds = new LinkedHashSet<>();
        for (String value : ctx.queryParams().getAll("kind")) {
            for (String kind : value.split(",")) {
                String k = kind.trim();
                if (!MixedSearch.KINDS.contains(k)) {
                    throw new QueryParams.BadRequest("Parameter 'kind': '" + (k.length() > 40 ? k.substring(0, 40) + "…" : k)
                            + "' is not a kind; the kinds are " + String.join(", ", MixedSearch.KINDS));
                }
                kinds.add(k);
            }
        }
        List<String> words = QueryParams.words(QueryParams.string(ctx, "q", 200), MAX_WORDS);
        int perPage = QueryParams.integer(ctx, "perPage", 20, 1, MixedSearch.MAX_PER_PAGE);
        int page = QueryParams.integer(ctx, "page", 1, 1, MixedSearch.MAX_OFFSET / perPage + 1);
        return new MixedSearch.Question(words, kinds, page, perPage);
    }
}
