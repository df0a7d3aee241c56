package se.insatsnavet.hub.linkeddata;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The representations a resource of the hub can be served in, with their media type and {@code ?format=} name. */
public enum RdfRepresentation {
    TURTLE("text/turtle", "ttl"),
    JSON_LD("application/ld+json", "jsonld"),
    N_TRIPLES("application/n-triples", "nt"),
    RDF_XML("application/rdf+xml", "rdf"),
    JSON("application/json", "json"),
    HTML("text/html", "html"),
    /** RDF datasets (named graphs): the event streams' members each in their own graph. */
    TRIG("application/trig", "trig"),
    N_QUADS("application/n-quads", "nq");

    private final String mediaType;
    private final String formatName;

    RdfRepresentation(String mediaType, String formatName) {
        this.mediaType = mediaType;
        this.formatName = formatName;
    }

    public String mediaType() {
        return mediaType;
    }

    public String formatName() {
        return formatName;
    }

    /** Content-Type header value (text types carry the charset). */
    public String contentType() {
        return this == JSON_LD || this == JSON || this == N_TRIPLES ? mediaType : mediaType + "; charset=utf-8";
    }

    /** The representation named by a {@code ?format=} value (name or media type), if any. */
    public static Optional<RdfRepresentation> byFormat(String format) {
        String f = format.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.formatName.equals(f) || r.mediaType.equals(f)
                || (r == TURTLE && f.equals("turtle")) || (r == N_TRIPLES && f.equals("ntriples"))
                || (r == RDF_XML && (f.equals("rdfxml") || f.equals("xml"))) || (r == JSON_LD && f.equals("json-ld")))
                .findFirst();
    }
}
