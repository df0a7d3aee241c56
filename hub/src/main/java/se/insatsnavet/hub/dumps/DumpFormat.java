package se.insatsnavet.hub.dumps;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Consumer;

/**
 * A further dump written by another feature (e.g. the HSDS tabular package): its file name, media type and
 * how to write it. Called on the dump thread, outside any transaction; blocking is fine.
 */
public interface DumpFormat {

    /** File name under {@code /dumps/}. */
    String name();

    /** Media type of the file. */
    String mediaType();

    /** Writes the whole dump to {@code out} (which the caller closes). */
    void write(OutputStream out) throws IOException;

    /**
     * Writes the whole dump from {@code items}, which passes the published item of every service (as in
     * {@code services.ndjson}, in its order) to the consumer it is given; a format that reads only the services
     * overrides this to be spared reading them from the store again. By default {@link #write(OutputStream)}.
     */
    default void write(OutputStream out, Consumer<Consumer<ObjectNode>> items) throws IOException {
        write(out);
    }
}
