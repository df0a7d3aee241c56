package se.insatsnavet.hub.hsds;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Stable HSDS ids: a name-based UUID of the resource's IRI (or of a part of a resource). */
public final class HsdsIds {

    private HsdsIds() {
    }

    /** The UUID of an IRI. */
    public static String of(String iri) {
        return UUID.nameUUIDFromBytes(iri.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The UUID of a part ({@code contact}, {@code phone}, {@code area/0580} …) of the resource at {@code iri}. */
    public static String of(String iri, String part) {
        return of(iri + "#hsds-" + part);
    }
}
