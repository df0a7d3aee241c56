package se.insatsnavet.hub.imports;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import se.insatsnavet.connectors.descriptor.FederationDescriptor;
import se.insatsnavet.connectors.descriptor.Schedule;
import se.insatsnavet.connectors.descriptor.SourceDescriptor;
import se.insatsnavet.connectors.source.SourceBatch;

import java.time.Duration;

/**
 * The Camel routes of one source ({@link ImportRoutes} adds and removes them): the read route through the
 * source's connector with redelivery, the schedule ({@code timer:} or {@code quartz:}) and, for a file source, the
 * watch. What a firing schedule or a changed file does is {@link ImportRoutes}'s, through {@link SourceActions}.
 */
final class SourceRouteBuilders {

    /** What the schedule and watch routes ask of the import routes. */
    interface SourceActions {
        /** A scheduled read (trigger {@code schedule}); see {@link ImportRoutes#scheduled}. */
        void scheduled(CamelContext camel, FederationDescriptor federation, SourceDescriptor source, Duration minGap);

        /** The importer of a source's batches. */
        BatchImporter importerFor(FederationDescriptor federation, SourceDescriptor source);

        /** Imports the batch of a file whose content changed. */
        void importChanged(FederationDescriptor federation, SourceDescriptor source, BatchImporter importer, SourceBatch batch);
    }

    private final SourceEndpoints endpoints;
    private final SourceActions actions;
    private final int retries;
    private final long retryDelayMillis;
    private final long watchMillis;
    private final FailedWatchReads failedWatchReads = new FailedWatchReads();

    SourceRouteBuilders(SourceEndpoints endpoints, SourceActions actions, int retries, long retryDelayMillis, long watchMillis) {
        this.endpoints = endpoints;
        this.actions = actions;
        this.retries = retries;
        this.retryDelayMillis = retryDelayMillis;
        this.watchMillis = watchMillis;
    }

    RouteBuilder readRoute(FederationDescriptor federation, SourceDescriptor source) {
        String connector = endpoints.endpointUri(federation, source);
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(SourceEndpoints.readUri(federation, source)).routeId(SourceEndpoints.routeId("read", federation, source))
                        .errorHandler(defaultErrorHandler()
                                .maximumRedeliveries(retries)
                                .redeliveryDelay(retryDelayMillis)
                                .useExponentialBackOff()
                                .backOffMultiplier(2)
                                .logExhausted(false)
                                .logRetryAttempted(true)
                                .retryAttemptedLogLevel(LoggingLevel.WARN))
                        .to(connector);
            }
        };
    }

    RouteBuilder scheduleRoute(CamelContext camel, FederationDescriptor federation, SourceDescriptor source,
                               long firstReadDelay) {
        Schedule schedule = source.schedule() != null ? source.schedule() : Schedule.every(ImportRoutes.DEFAULT_INTERVAL);
        String name = federation.id() + "." + source.id();
        // clustered: a run on any node this recently makes this node's firing redundant
        Duration minGap = schedule.isCron() ? Duration.ofSeconds(30)
                : Duration.ofMillis(schedule.intervalMillis()).multipliedBy(9).dividedBy(10);
        String trigger = schedule.isCron()
                ? "quartz:insatsnavet/" + name + "?cron=RAW{" + schedule.cron() + "}"
                : "timer:import." + name + "?period=" + schedule.intervalMillis()
                        + "&delay=" + (firstReadDelay >= 0 ? firstReadDelay : schedule.intervalMillis());
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(trigger).routeId(SourceEndpoints.routeId("schedule", federation, source))
                        .process(ex -> actions.scheduled(camel, federation, source, minGap));
            }
        };
    }

    /**
     * For a file source: the connector as a polling consumer, which emits a batch only when the file's
     * content changed since its last emission (and once its size and time stayed the same for a whole check,
     * so never half-written); a batch whose fingerprint is that of the last succeeded run
     * (the first poll after start-up, typically) is not imported again.
     */
    RouteBuilder watchRoute(FederationDescriptor federation, SourceDescriptor source, boolean readOnSchedule) {
        // imported at start anyway (or its indicators after its services): the watch's first check only notes
        // the file's size and time, rather than reading every file of every federation once more at start
        String consumer = endpoints.endpointUri(federation, source) + "&delay=" + watchMillis + "&initialDelay=" + watchMillis
                + "&backoffErrorThreshold=1&backoffMultiplier=12&bridgeErrorHandler=true"
                + (readOnSchedule ? "&readAtFirstPoll=false" : "");
        return new RouteBuilder() {
            @Override
            public void configure() {
                // a changed file that cannot be read (cut off, unparseable, changed while read) fails a run, once per state
                // (a batch that was read and failed while imported keeps its way: sent again at the next poll)
                onException(Exception.class).onWhen(ex -> !(ex.getMessage().getBody() instanceof SourceBatch))
                        .handled(true).process(ex -> failedWatchReads.record(actions.importerFor(federation, source), federation,
                                source, ex.getFromEndpoint(), ex.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class)));
                from(consumer).routeId(SourceEndpoints.routeId("watch", federation, source))
                        .process(ex -> {
                            BatchImporter importer = actions.importerFor(federation, source);
                            SourceBatch batch = ex.getMessage().getBody(SourceBatch.class);
                            actions.importChanged(federation, source, importer, batch);
                        });
            }
        };
    }
}
