package se.insatsnavet.hub.dumps;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * A further dump written from a part per federation: a rebuild after runs of some federations writes only their
 * parts again (from their services' items), then joins every federation's part into the dump. Called on the dump
 * thread, outside any transaction.
 */
public interface PartedDumpFormat extends DumpFormat {

    /** Writes one federation's part from its services' items (in the order of {@code services.ndjson}). */
    void writePart(OutputStream out, Consumer<Consumer<ObjectNode>> items) throws IOException;

    /** Writes the whole dump from every federation's part, in federation order (as {@link #write} would). */
    void join(OutputStream out, List<Path> parts) throws IOException;
}
