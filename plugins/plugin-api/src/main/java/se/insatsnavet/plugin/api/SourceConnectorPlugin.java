package se.insatsnavet.plugin.api;

import java.io.IOException;
import java.util.List;

/**
 * Reads a source kind the hub has no connector for. A federation descriptor's source names it by its
 * {@link #id()} as {@code "kind"}; the hub runs it inside that source's Camel read route (schedule, retries
 * and back-off as for built-in kinds), maps each record with the source's declarative mapping or its
 * {@code "mapper"} plugin, and reports a thrown exception as a failed read of that source only.
 */
public interface SourceConnectorPlugin extends PluginFactory {

    /**
     * Reads the whole source once.
     *
     * @return every record of the source, in source order
     * @throws IOException when the source cannot be read (the run fails; published data stays)
     */
    List<RawSourceRecord> read(SourceRequest request) throws IOException;
}
