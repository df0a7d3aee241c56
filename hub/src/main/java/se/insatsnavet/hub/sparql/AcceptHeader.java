package se.insatsnavet.hub.sparql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The media ranges of an HTTP {@code Accept} header (RFC 9110 §12.5.1) as this endpoint reads them: the highest
 * q-value wins, a more specific range overrides a wider one, ties go to the server's order of preference. A
 * range that does not parse ({@code ;;;}, {@code text}, a bad q-value) is skipped; a header with no range
 * left, like a missing one, accepts anything (the server's first choice).
 */
final class AcceptHeader {

    private final List<Range> ranges;

    private AcceptHeader(List<Range> ranges) {
        this.ranges = ranges;
    }

    static AcceptHeader parse(String header) {
        List<Range> ranges = new ArrayList<>();
        if (header != null) {
            for (String part : header.split(",")) {
                Range.parse(part).ifPresent(ranges::add);
            }
        }
        return new AcceptHeader(ranges);
    }

    /** The first of {@code offered} with the highest quality, or empty when the header accepts none of them. */
    <T> Optional<T> best(List<T> offered, Function<T, String> mediaType) {
        if (ranges.isEmpty()) {
            return offered.stream().findFirst();
        }
        T best = null;
        double bestQ = 0;
        for (T candidate : offered) {
            double q = quality(mediaType.apply(candidate).toLowerCase(Locale.ROOT));
            if (q > bestQ) {
                best = candidate;
                bestQ = q;
            }
        }
        return Optional.ofNullable(best);
    }

    private double quality(String mediaType) {
        String type = mediaType.substring(0, mediaType.indexOf('/'));
        Range match = null;
        for (Range range : ranges) {
            boolean matches = range.type.equals("*")
                    || (range.type.equals(type) && (range.subtype.equals("*") || mediaType.equals(range.type + "/" + range.subtype)));
            if (matches && (match == null || range.specificity() > match.specificity())) {
                match = range;
            }
        }
        return match == null ? 0 : match.q;
    }

    private record Range(String type, String subtype, double q) {

        int specificity() {
            return type.equals("*") ? 0 : subtype.equals("*") ? 1 : 2;
        }

        static Optional<Range> parse(String part) {
            String[] params = part.split(";");
            if (params.length == 0) {
                return Optional.empty();
            }
            String media = params[0].trim().toLowerCase(Locale.ROOT);
            int slash = media.indexOf('/');
            if (slash <= 0 || slash == media.length() - 1 || media.indexOf('/', slash + 1) >= 0) {
                return Optional.empty();
            }
            double q = 1;
            for (int i = 1; i < params.length; i++) {
                String p = params[i].trim();
                if (p.regionMatches(true, 0, "q=", 0, 2)) {
                    try {
                        q = Double.parseDouble(p.substring(2));
                    } catch (NumberFormatException e) {
                        return Optional.empty();
                    }
                    if (!(q >= 0 && q <= 1)) {
                        return Optional.empty();
                    }
                }
            }
            String type = media.substring(0, slash);
            String subtype = media.substring(slash + 1);
            if (type.equals("*") && !subtype.equals("*")) {
                return Optional.empty();
            }
            return Optional.of(new Range(type, subtype, q));
        }
    }
}
