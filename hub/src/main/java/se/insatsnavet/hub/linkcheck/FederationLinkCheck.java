package se.insatsnavet.hub.linkcheck;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * One federation's link check: the web addresses of its published services (homepage, contact.url) that
 * were not checked within {@code recheckAfter}, at most {@link #MAX_PER_RUN} of them, are checked by the
 * {@link LinkChecker} and the results stored; then {@code onResults} is told (the quality report forgets its
 * cache). At most one check per federation runs at a time.
 */
public final class FederationLinkCheck {

    private static final Logger LOG = LoggerFactory.getLogger(FederationLinkCheck.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Most addresses checked after one run (the rest after the next). */
    public static final int MAX_PER_RUN = 500;

    private final Vertx vertx;
    private final LinkChecker checker;
    private final LinkCheckResults results;
    private final BiConsumer<String, Consumer<String>> items;
    private final Runnable onResults;
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    /**
     * @param items hands over the published items (JSON) of a federation (the search index's stored items)
     */
    public FederationLinkCheck(Vertx vertx, LinkChecker checker, LinkCheckResults results,
                               BiConsumer<String, Consumer<String>> items,
                               Runnable onResults) {
        this.vertx = vertx;
        this.checker = checker;
        this.results = results;
        this.items = items;
        this.onResults = onResults;
    }

    /** Checks the federation's due addresses; the future tells how many were checked (0 when one is already running). */
    public Future<Integer> run(String federation, Duration recheckAfter) {
        if (!running.add(federation)) {
            return Future.succeededFuture(0);
        }
        return vertx.executeBlocking(() -> due(federation, recheckAfter), false).compose(urls -> {
            List<Future<Void>> checks = new ArrayList<>();
            for (String url : urls) {
                checks.add(checker.check(url).compose(r -> vertx.executeBlocking(() -> {
                    results.save(federation, r);
                    return null;
                }, false)));
            }
            return Future.join(checks).transform(x -> Future.succeededFuture(urls.size()));
        }).onComplete(ar -> {
            running.remove(federation);
            if (ar.failed()) {
                LOG.warn("The link check of {} failed", federation, ar.cause());
            } else if (ar.result() > 0) {
                LOG.info("Link check of {}: {} address(es) checked", federation, ar.result());
                onResults.run();
            }
        });
    }

    /** Whether a check of the federation is under way. */
    public boolean running(String federation) {
        return running.contains(federation);
    }

    private List<String> due(String federation, Duration recheckAfter) {
        Set<String> urls = new LinkedHashSet<>();
        items.accept(federation, json -> {
            try {
                JsonNode item = JSON.readTree(json);
                if (item.path("federation").asText().equals(federation)) {
                    for (JsonNode url : List.of(item.path("homepage"), item.path("contact").path("url"))) {
                        if (url.isTextual() && !url.asText().isBlank() && url.asText().length() <= LinkCheckResults.MAX_URL) {
                            urls.add(url.asText().trim());
                        }
                    }
                }
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("An indexed item is not JSON", e);
            }
        });
        Map<String, LinkResult> known = results.of(federation);
        Instant before = Instant.now().minus(recheckAfter);
        return urls.stream().filter(u -> !known.containsKey(u) || known.get(u).checkedAt().isBefore(before))
                .limit(MAX_PER_RUN).toList();
    }
}
