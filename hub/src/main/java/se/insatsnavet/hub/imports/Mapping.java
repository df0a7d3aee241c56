package se.insatsnavet.hub.imports;

import com.fasterxml.jackson.databind.node.ObjectNode;
import se.insatsnavet.connectors.descriptor.FederationDescriptor;
import se.insatsnavet.connectors.descriptor.SourceDescriptor;
import se.insatsnavet.connectors.mapping.ConceptMatcher;
import se.insatsnavet.connectors.mapping.MappingResult;
import se.insatsnavet.connectors.mapping.RecordMapper;
import se.insatsnavet.connectors.mapping.RecordMessage;
import se.insatsnavet.connectors.source.RawRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Stage "map": a raw record to a canonical service with the source's mapping (the descriptor's declarative
 * mapping, the canonical JSON a push sends, or the source's mapper plugin), the federation as provider when the
 * source names none, then the source's enricher and validator plugins. Warnings go to the run's log; errors stay
 * with the record, which the later checks may add to.
 */
final class Mapping {

    private final FederationDescriptor federation;
    private final SourceDescriptor source;
    private final Function<RawRecord, MappingResult> mapper;
    private final RecordPlugins plugins;

    private Mapping(FederationDescriptor federation, SourceDescriptor source, Function<RawRecord, MappingResult> mapper,
                    RecordPlugins plugins) {
        this.federation = federation;
        this.source = source;
        this.mapper = mapper;
        this.plugins = plugins;
    }

    /**
     * The mapping of {@code source}.
     *
     * @throws IllegalStateException when the source names a mapper plugin that is not running
     */
    static Mapping of(FederationDescriptor federation, SourceDescriptor source, RecordPlugins plugins, ConceptMatcher matcher) {
        Function<RawRecord, MappingResult> mapper = PushSource.KIND.equals(source.kind()) ? PushSource::canonical
                : source.plugins().mapper() != null ? plugins.mapper(federation, source)
                : new RecordMapper(federation, source, matcher)::map;
        return new Mapping(federation, source, mapper, plugins);
    }

    /** One record on its way: where it was read, its id and service (as far as the mapping got) and its errors. */
    static final class Mapped {
        final String locator;
        final String localId;
        final ObjectNode service;
        final List<RunMessage> errors = new ArrayList<>();

        Mapped(String locator, String localId, ObjectNode service) {
            this.locator = locator;
            this.localId = localId;
            this.service = service;
        }

        boolean rejected() {
            return !errors.isEmpty();
        }

        void error(RecordMessage e) {
            errors.add(RunMessage.error(e.locator(), e.localId(), e.field(), e.value(), e.message()));
        }
    }

    Mapped map(RawRecord raw, RunLog log) {
        MappingResult result = mapper.apply(raw);
        for (RecordMessage w : result.warnings()) {
            log.warn(w);
        }
        defaultProvider(result.service(), federation);
        Mapped mapped = new Mapped(raw.locator(), result.localId(), result.service());
        for (RecordMessage e : result.errors()) {
            mapped.error(e);
        }
        if (!mapped.rejected() && mapped.service != null) {
            RecordPlugins.Outcome outcome = plugins.process(federation, source, raw.locator(), result.localId(), result.service());
            for (RecordMessage e : outcome.errors()) {
                mapped.error(e);
            }
            for (RecordMessage w : outcome.warnings()) {
                log.warn(w);
            }
        }
        return mapped;
    }

    /** A service whose source names no provider is run by its federation (CPSV-AP needs a competent authority). */
    static void defaultProvider(ObjectNode service, FederationDescriptor federation) {
        if (service == null || service.has("provider")) {
            return;
        }
        ObjectNode provider = service.putObject("provider");
        provider.put("id", federation.id());
        ObjectNode name = provider.putObject("name");
        federation.name().forEach(name::put);
        provider.put("type", "federation");
    }
}
