package se.insatsnavet.hub.services;

import io.vertx.ext.web.Router;
import se.insatsnavet.hub.HubContext;
import se.insatsnavet.hub.HubModule;
import se.insatsnavet.hub.search.SearchModule;
import se.insatsnavet.hub.usage.UsageStatistics;
import se.insatsnavet.schema.Vocabulary;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The services' search API, {@code /api/services} (with the peers' answers), under the searches' rate limit. */
public final class ServicesModule implements HubModule {

    @Override
    public String name() {
        return "services";
    }

    /** /api/services: the search, the most asked for. */
    @Override
    public boolean routesFirst() {
        return true;
    }

    @Override
    public void routes(Router router, HubContext hub) {
        router.get("/api/services").handler(hub.get(SearchModule.SearchLimit.class).limit()).handler(ServicesHandler.create(
                        hub.vertx(), hub.catalog(),
                        new PeerSearch(hub.options().peers(), Duration.ofMillis(Long.getLong("insatsnavet.peers.timeoutMillis", 3_000))),
                        hub.options().baseUri())
                .withMunicipalityNames(municipalityNames(hub.vocabulary())).withUsage(hub.get(UsageStatistics.class).counter()));
    }

    /** Municipality name (short, "Linköping", or full, "Linköpings kommun"; any case) → SCB code. */
    private static Function<String, Optional<String>> municipalityNames(Vocabulary vocabulary) {
        Map<String, String> byName = new HashMap<>();
        for (String code : vocabulary.codes(Vocabulary.MUNICIPALITY)) {
            vocabulary.municipalityShortName(code).ifPresent(n -> byName.put(n.toLowerCase(Locale.ROOT), code));
            vocabulary.municipalityName(code).ifPresent(n -> byName.put(n.toLowerCase(Locale.ROOT), code));
        }
        return name -> Optional.ofNullable(byName.get(name.trim().toLowerCase(Locale.ROOT)));
    }
}
