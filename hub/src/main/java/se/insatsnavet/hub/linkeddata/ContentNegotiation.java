package se.insatsnavet.hub.linkeddata;

import io.vertx.ext.web.RoutingContext;
import se.insatsnavet.hub.http.MediaRanges;
import se.insatsnavet.hub.http.Responses;

import java.util.List;
import java.util.Optional;

/**
 * Chooses a representation from an HTTP {@code Accept} header (RFC 9110 §12.5.1): the highest q-value
 * wins, more specific ranges override wider ones, ties go to the server's order of preference.
 * A missing or empty header accepts anything; malformed elements are skipped ({@link MediaRanges}).
 */
public final class ContentNegotiation {

    private ContentNegotiation() {
    }

    /**
     * The representation a request asks for among {@code offered}: {@code ?format=} if given, else by
     * {@code Accept}; sets {@code Vary: Accept}. When none is acceptable it answers 406 naming the offered media
     * types and returns empty.
     */
    public static Optional<RdfRepresentation> forRequest(RoutingContext ctx, List<RdfRepresentation> offered) {
        ctx.response().putHeader("Vary", "Accept");
        String format = ctx.queryParams().get("format");
        Optional<RdfRepresentation> chosen = format != null ? RdfRepresentation.byFormat(format).filter(offered::contains)
                : choose(ctx.request().getHeader("Accept"), offered);
        if (chosen.isEmpty()) {
            Responses.problem(ctx, 406, "Offered: "
                    + String.join(", ", offered.stream().map(RdfRepresentation::mediaType).toList()));
        }
        return chosen;
    }

    /** The best of {@code offered} (in the server's order of preference) for {@code accept}, if any is acceptable. */
    public static Optional<RdfRepresentation> choose(String accept, List<RdfRepresentation> offered) {
        if (accept == null || accept.isBlank()) {
            return offered.stream().findFirst();
        }
        List<MediaRanges.Range> ranges = MediaRanges.parse(accept);
        RdfRepresentation best = null;
        double bestQ = 0;
        for (RdfRepresentation r : offered) {
            double q = quality(ranges, r.mediaType());
            if (q > bestQ) {
                best = r;
                bestQ = q;
            }
        }
        return Optional.ofNullable(best);
    }

    private static double quality(List<MediaRanges.Range> ranges, String mediaType) {
        MediaRanges.Range match = null;
        for (MediaRanges.Range range : ranges) {
            if (range.matches(mediaType) && (match == null || range.specificity() > match.specificity())) {
                match = range;
            }
        }
        return match == null ? 0 : match.q();
    }
}
