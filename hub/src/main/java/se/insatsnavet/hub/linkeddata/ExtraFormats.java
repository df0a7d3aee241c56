package se.insatsnavet.hub.linkeddata;

import com.fasterxml.jackson.databind.node.ObjectNode;
import se.insatsnavet.hub.http.MediaRanges;

import java.util.List;
import java.util.Optional;

/**
 * Representations of services beyond the hub's own (feed-format plugins): served on service URIs by
 * {@code ?format=<name>} or an {@code Accept} naming the media type, and listed in the DCAT catalogue.
 */
public interface ExtraFormats {

    /** One extra representation. */
    record Format(String name, String mediaType, String title) {
    }

    ExtraFormats NONE = new ExtraFormats() {
        @Override
        public List<Format> formats() {
            return List.of();
        }

        @Override
        public String render(Format format, ObjectNode item, String serviceUri) {
            throw new IllegalStateException("No extra formats");
        }
    };

    /** The formats available now. */
    List<Format> formats();

    /**
     * The representation of one service (blocking; a failing renderer throws, naming itself).
     *
     * @param item the service's canonical JSON with {@code id} and {@code federation}
     */
    String render(Format format, ObjectNode item, String serviceUri);

    /** The format of this {@code ?format=} name, if any. */
    default Optional<Format> byName(String name) {
        return formats().stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /**
     * The format an {@code Accept} header asks for first, when its most preferred entry names an extra
     * format's media type exactly.
     */
    default Optional<Format> preferredIn(String accept) {
        if (accept == null || accept.isBlank()) {
            return Optional.empty();
        }
        String best = null;
        double bestQ = -1;
        for (MediaRanges.Range range : MediaRanges.parse(accept)) {
            if (range.q() > bestQ) {
                bestQ = range.q();
                best = range.mediaType();
            }
        }
        String wanted = best;
        return formats().stream().filter(f -> f.mediaType().equalsIgnoreCase(wanted)).findFirst();
    }
}
