package se.insatsnavet.hub.linkeddata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Chooses a representation from an HTTP {@code Accept} header (RFC 9110 §12.5.1): the highest q-value
 * wins, more specific ranges override wider ones, ties go to the server's order of preference.
 * A missing or empty header accepts anything.
 */
public final class ContentNegotiation {

    private ContentNegotiation() {
    }

    /**
     * The representation a request asks for among {@code offered}: {@code ?format=} if given, else by
     * {@code Accept}; sets {@code Vary: Accept}. When none is acceptable it answers 406 naming the offered media
     * types and returns empty.
     */
    public static Optional<RdfRepresentation> forRequest(io.vertx.ext.web.RoutingContext ctx, List<RdfRepresentation> offered) {
        ctx.response().putHeader("Vary", "Accept");
        String format = ctx.queryParams().get("format");
        Optional<RdfRepresentation> chosen = format != null ? RdfRepresentation.byFormat(format).filter(offered::contains)
                : choose(ctx.request().getHeader("Accept"), offered);
        if (chosen.isEmpty()) {
            se.insatsnavet.hub.http.Responses.problem(ctx, 406, "Offered: "
                    + String.join(", ", offered.stream().map(RdfRepresentation::mediaType).toList()));
        }
        return chosen;
    }

    /** The best of {@code offered} (in the server's order of preference) for {@code accept}, if any is acceptable. */
    public static Optional<RdfRepresentation> choose(String accept, List<RdfRepresentation> offered) {
        if (accept == null || accept.isBlank()) {
            return offered.stream().findFirst();
        }
        List<Range> ranges = parse(accept);
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

    private static double quality(List<Range> ranges, String mediaType) {
        String type = mediaType.substring(0, mediaType.indexOf('/'));
        Range match = null;
        for (Range range : ranges) {
            boolean matches = range.type.equals("*") || (range.type.equals(type)
                    && (range.subtype.equals("*") || (range.type + "/" + range.subtype).equals(mediaType)));
            if (matches && (match == null || range.specificity > match.specificity)) {
                match = range;
            }
        }
        return match == null ? 0 : match.q;
    }

    private static List<Range> parse(String accept) {
        List<Range> ranges = new ArrayList<>();
        for (String part : accept.split(",")) {
            String[] params = part.trim().split(";");
            String media = params[0].trim().toLowerCase(Locale.ROOT);
            int slash = media.indexOf('/');
            if (slash <= 0 || slash == media.length() - 1) {
                continue;
            }
            double q = 1.0;
            for (int i = 1; i < params.length; i++) {
                String p = params[i].trim();
                if (p.startsWith("q=")) {
                    try {
                        q = Math.max(0, Math.min(1, Double.parseDouble(p.substring(2))));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            String type = media.substring(0, slash);
            String subtype = media.substring(slash + 1);
            int specificity = type.equals("*") ? 0 : subtype.equals("*") ? 1 : 2;
            ranges.add(new Range(type, subtype, q, specificity));
        }
        ranges.sort(Comparator.comparingInt((Range r) -> -r.specificity));
        return ranges;
    }

    private record Range(String type, String subtype, double q, int specificity) {
    }
}
