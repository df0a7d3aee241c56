package se.insatsnavet.hub.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The media ranges of an HTTP {@code Accept} header (RFC 9110 §12.5.1), read leniently: an element that is
 * not {@code type/subtype} with optional parameters and a q-value between 0 and 1 is skipped (empty
 * elements too, and a lone {@code *} counts as {@code *}{@code /*}, as old Java clients send it). A header
 * with none valid is {@link #malformed}: {@link RequestHeaders} answers it with 400 on every route.
 */
public final class MediaRanges {

    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9a-z-]+");

    private MediaRanges() {
    }

    /** One media range of an Accept header, its q-value and how specific it is (0 for {@code *}{@code /*}, 2 for a full type). */
    public record Range(String type, String subtype, double q) {

        public int specificity() {
            return type.equals("*") ? 0 : subtype.equals("*") ? 1 : 2;
        }

        /** Whether this range covers {@code mediaType} ({@code type/subtype}, lower case). */
        public boolean matches(String mediaType) {
            int slash = mediaType.indexOf('/');
            String t = slash < 0 ? mediaType : mediaType.substring(0, slash);
            return type.equals("*") || (type.equals(t) && (subtype.equals("*") || (type + "/" + subtype).equals(mediaType)));
        }

        public String mediaType() {
            return type + "/" + subtype;
        }
    }

    /** The valid media ranges of {@code accept}, in the header's order; empty for null or blank. */
    public static List<Range> parse(String accept) {
        List<Range> ranges = new ArrayList<>();
        if (accept == null) {
            return ranges;
        }
        for (String element : accept.split(",", -1)) {
            Range r = range(element);
            if (r != null) {
                ranges.add(r);
            }
        }
        return ranges;
    }

    /** Whether {@code accept} is given, not blank, and holds no valid media range. */
    public static boolean malformed(String accept) {
        return accept != null && !accept.isBlank() && parse(accept).isEmpty();
    }

    private static Range range(String element) {
        String[] parts = element.split(";", -1);
        String media = parts[0].trim().toLowerCase(Locale.ROOT);
        if (media.equals("*")) {
            media = "*/*";
        }
        int slash = media.indexOf('/');
        if (slash <= 0 || !TOKEN.matcher(media.substring(0, slash)).matches()
                || !TOKEN.matcher(media.substring(slash + 1)).matches()) {
            return null;
        }
        String type = media.substring(0, slash);
        String subtype = media.substring(slash + 1);
        if (type.equals("*") && !subtype.equals("*")) {
            return null;
        }
        double q = 1.0;
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq <= 0) {
                return null;
            }
            if (p.substring(0, eq).trim().equalsIgnoreCase("q")) {
                q = qValue(p.substring(eq + 1).trim());
                if (Double.isNaN(q)) {
                    return null;
                }
            }
        }
        return new Range(type, subtype, q);
    }

    /** A q-value ({@code 0.5}, {@code .2}, {@code 1}), or NaN when it is not a number between 0 and 1. */
    private static double qValue(String text) {
        if (!text.matches("[0-9]{0,1}(\\.[0-9]{0,3})?") || text.isEmpty() || text.equals(".")) {
            return Double.NaN;
        }
        double q = Double.parseDouble(text);
        return q <= 1 ? q : Double.NaN;
    }
}
