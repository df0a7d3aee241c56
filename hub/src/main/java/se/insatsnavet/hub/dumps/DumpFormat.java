package se.insatsnavet.hub.dumps;

import java.io.IOException;
import java.io.OutputStream;

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
}
