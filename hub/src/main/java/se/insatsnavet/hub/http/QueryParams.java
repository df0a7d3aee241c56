package se.insatsnavet.hub.http;

import io.vertx.ext.web.RoutingContext;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Reading typed query parameters; bad values become {@link BadRequest}s naming the parameter. */
public final class QueryParams {

    private QueryParams() {
    }

    public static String string(RoutingContext ctx, String name, int maxLength) {
        String v = ctx.queryParams().get(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        if (v.length() > maxLength) {
            throw new BadRequest("Parameter '" + name + "' is longer than " + maxLength + " characters");
        }
        return v.trim();
    }

    public static int integer(RoutingContext ctx, String name, int defaultValue, int min, int max) {
        String v = ctx.queryParams().get(name);
        if (v == null || v.isBlank()) {
            return defaultValue;
        }
        try {
            int i = Integer.parseInt(v.trim());
            if (i < min || i > max) {
                throw new BadRequest("Parameter '" + name + "' must be between " + min + " and " + max);
            }
            return i;
        } catch (NumberFormatException e) {
            throw new BadRequest("Parameter '" + name + "' must be a whole number");
        }
    }

    public static String matching(RoutingContext ctx, String name, String regex, String what) {
        String v = string(ctx, name, 200);
        if (v != null && !v.matches(regex)) {
            throw new BadRequest("Parameter '" + name + "' must be " + what);
        }
        return v;
    }

    /**
     * Checks that the request has only parameters of {@code allowed}, each once: an unknown parameter is a
     * {@link BadRequest} naming it (and what the endpoint takes), so is a repeated one.
     */
    public static void onlyThese(RoutingContext ctx, Set<String> allowed) {
        Set<String> unknown = new TreeSet<>();
        Set<String> repeated = new TreeSet<>();
        for (String name : ctx.queryParams().names()) {
            if (!allowed.contains(name)) {
                unknown.add(name);
            } else if (ctx.queryParams().getAll(name).size() > 1) {
                repeated.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw new BadRequest("Unknown parameter" + (unknown.size() > 1 ? "s " : " ") + quoted(unknown)
                    + " for " + ctx.request().method() + " " + ctx.request().path() + ": it takes "
                    + (allowed.isEmpty() ? "no parameters" : quoted(new TreeSet<>(allowed))));
        }
        if (!repeated.isEmpty()) {
            throw new BadRequest("Parameter" + (repeated.size() > 1 ? "s " : " ") + quoted(repeated) + " given more than once");
        }
    }

    private static String quoted(Collection<String> names) {
        return names.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "));
    }

    /** The words of a search text: lower case, split on spaces and commas, at most {@code max}; empty for null. */
    public static List<String> words(String text, int max) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[\\s,]+"))
                .filter(w -> !w.isBlank()).limit(max).toList();
    }

    /** A client error answered with 400 and its message. */
    public static final class BadRequest extends RuntimeException {
        public BadRequest(String message) {
            super(message);
        }
    }
}
