package se.insatsnavet.hub.indicators;

import io.vertx.ext.web.Router;
import se.insatsnavet.hub.HubContext;
import se.insatsnavet.hub.HubModule;
import se.insatsnavet.hub.dumps.Dumps;
import se.insatsnavet.hub.federations.FederationRegistry;
import se.insatsnavet.hub.imports.BatchImporter;
import se.insatsnavet.hub.imports.Change;
import se.insatsnavet.schema.Vocabulary;

import java.util.List;

/**
 * Outcome indicators: their import (the import routes read a federation's indicators source through it, as a
 * {@link BatchImporter}), the outcome aggregation by county, {@code /api/indicators} and
 * {@code /api/coverage/outcomes}. Publishes the {@link IndicatorImport} (also as the {@link BatchImporter}
 * of the import routes) and the {@link OutcomeAggregation}.
 */
public final class IndicatorsModule implements HubModule {

    private IndicatorImport indicatorImport;
    private OutcomeAggregation outcomes;

    @Override
    public String name() {
        return "indicators";
    }

    @Override
    public void start(HubContext hub) {
        FederationRegistry registry = hub.get(FederationRegistry.class);
        Dumps dumps = hub.get(Dumps.class);
        indicatorImport = new IndicatorImport(hub.store(), hub.runs(), hub.iris(),
                Integer.getInteger("insatsnavet.indicators.minimumCount", Suppression.DEFAULT_MINIMUM));
        indicatorImport.onRunFinished(run -> {
            if (run.counts().changedCatalogue()) {
                // the indicator data sets are in the federation's graph
                dumps.requestRebuild(registry.all().stream().map(f -> f.id()).toList(), List.of(run.federationId()));
            }
        });
        outcomes = new OutcomeAggregation(hub.store(), hub.iris(), indicatorImport.minimumCount());
        indicatorImport.onRunFinished(run -> {
            if (run.counts().changedCatalogue()) {
                outcomes.invalidate();
            }
        });
        hub.put(IndicatorImport.class, indicatorImport);
        hub.put(BatchImporter.class, indicatorImport);
        hub.put(OutcomeAggregation.class, outcomes);
    }

    @Override
    public void onChanges(List<Change> changes) {
        outcomes.invalidate();
    }

    @Override
    public void routes(Router router, HubContext hub) {
        Vocabulary vocabulary = hub.vocabulary();
        router.get("/api/coverage/outcomes").handler(OutcomesHandler.create(hub.vertx(), outcomes,
                code -> vocabulary.conceptExists(Vocabulary.COUNTY, code), code -> vocabulary.countyName(code).orElse(code)).list());
        IndicatorsHandler indicators = IndicatorsHandler.create(hub.vertx(), hub.store(), hub.iris(), indicatorImport.minimumCount());
        router.get("/api/indicators").handler(indicators.list());
        router.get("/api/services/:id/indicators").handler(indicators.ofService());
        router.get("/id/indicators/:federation").handler(indicators.dataSet());
    }
}
