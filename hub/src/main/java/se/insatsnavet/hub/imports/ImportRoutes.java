package se.insatsnavet.hub.imports;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.insatsnavet.connectors.descriptor.FederationDescriptor;
import se.insatsnavet.connectors.descriptor.Schedule;
import se.insatsnavet.connectors.descriptor.SourceDescriptor;
import se.insatsnavet.connectors.file.FileSourceComponent;
import se.insatsnavet.connectors.source.SourceBatch;
import se.insatsnavet.hub.federations.FederationRegistry;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * One Camel route per federation source: the source's connector polls on the descriptor's schedule
 * (interval, or cron through Quartz) and every batch it emits is imported by {@link ImportService}.
 * A source whose route cannot even be created (unknown kind, bad option) is reported as a failed run of
 * that source only; a read failure is routed (bridged error handler) to a failed run with its reason.
 */
public final class ImportRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(ImportRoutes.class);
    /** Polling interval when a source declares no schedule. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofHours(1);
    /** Connector kinds this hub has a Camel component for. */
    private static final Map<String, SourceUri> CONNECTORS = Map.of("file", FileSourceComponent::endpointUri);

    private final FederationRegistry registry;
    private final ImportService imports;
    private final boolean importOnStart;

    public ImportRoutes(FederationRegistry registry, ImportService imports, boolean importOnStart) {
        this.registry = registry;
        this.imports = imports;
        this.importOnStart = importOnStart;
    }

    /** Adds a route for every source of every federation to {@code camel}; each source is isolated. */
    public void install(CamelContext camel) {
        for (FederationDescriptor federation : registry.all()) {
            for (SourceDescriptor source : federation.sources()) {
                try {
                    camel.addRoutes(routeFor(federation, source));
                } catch (Exception e) {
                    imports.recordFailure(federation, source, "start", e);
                }
            }
        }
    }

    /** Reads a source once, now, through its connector, and imports it (blocking; the caller's thread). */
    public RunReport syncNow(CamelContext camel, FederationDescriptor federation, SourceDescriptor source, String trigger) {
        ProducerTemplate template = camel.createProducerTemplate();
        try {
            SourceBatch batch = template.requestBody(endpointUri(federation, source, false), null, SourceBatch.class);
            return imports.importBatch(federation, source, batch, trigger);
        } catch (RuntimeException e) {
            return imports.recordFailure(federation, source, trigger, e.getCause() != null ? e.getCause() : e);
        } finally {
            try {
                template.close();
            } catch (Exception e) {
                LOG.debug("Closing producer template", e);
            }
        }
    }

    private RouteBuilder routeFor(FederationDescriptor federation, SourceDescriptor source) {
        String uri = endpointUri(federation, source, true);
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("import." + federation.id() + "." + source.id())
                        .onException(Exception.class).handled(true)
                            .process(ex -> imports.recordFailure(federation, source, "schedule",
                                    ex.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class)))
                        .end()
                        .process(ex -> imports.importBatch(federation, source, ex.getMessage().getBody(SourceBatch.class),
                                "schedule"));
            }
        };
    }

    /** The connector URI of a source, with its options and (for a consumer) its schedule. */
    String endpointUri(FederationDescriptor federation, SourceDescriptor source, boolean consumer) {
        SourceUri connector = CONNECTORS.get(source.kind());
        if (connector == null) {
            throw new IllegalArgumentException("Federation '" + federation.id() + "', source '" + source.id()
                    + "': no connector for kind '" + source.kind() + "' (available: " + CONNECTORS.keySet() + ")");
        }
        StringBuilder uri = new StringBuilder(connector.uri(federation, source, federation.directory()));
        if (consumer) {
            Schedule schedule = source.schedule() != null ? source.schedule() : Schedule.every(DEFAULT_INTERVAL);
            uri.append(uri.indexOf("?") < 0 ? '?' : '&').append("bridgeErrorHandler=true");
            if (schedule.isCron()) {
                uri.append("&scheduler=quartz&scheduler.cron=RAW{").append(schedule.cron()).append('}')
                        .append("&scheduler.triggerId=").append(federation.id()).append('.').append(source.id());
            } else {
                long every = schedule.intervalMillis();
                uri.append("&delay=").append(every).append("&initialDelay=").append(importOnStart ? 0 : every);
            }
        }
        return uri.toString();
    }

    /** How a connector kind names one source as a Camel endpoint URI. */
    @FunctionalInterface
    interface SourceUri {
        String uri(FederationDescriptor federation, SourceDescriptor source, Path descriptorDir);
    }
}
