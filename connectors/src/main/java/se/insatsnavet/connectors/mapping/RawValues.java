package se.insatsnavet.connectors.mapping;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reading the values of a raw record: finding a value by column name or dot path, splitting a text into list
 * items, reading whole numbers and yes/no, the comparison form of value-map keys, and a raw value as text for
 * canonical values and messages.
 */
final class RawValues {

    private static final Set<String> TRUE = Set.of("ja", "yes", "true", "x", "1", "j", "y", "sant");
    private static final Set<String> FALSE = Set.of("nej", "no", "false", "0", "n", "falskt");

    private RawValues() {
    }

    /** A text that was an item of a JSON array in the source: a list field takes it whole, never split. */
    record Item(String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    /** Lower case, without diacritics, whitespace collapsed: how value-map keys are compared. */
    static String normalize(String value) {
        String decomposed = Normalizer.normalize(value, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return decomposed.toLowerCase(Locale.ROOT).trim().replaceAll("\\s+", " ");
    }

    /**
     * The value at a column name or dot path ({@code a.b.0.c}); an exact top-level key wins over a path. A
     * {@code *} segment maps the rest of the path over every item of a list ({@code contacts.*.email}) and
     * gives the list of the non-null results.
     */
    static Object lookup(Map<String, Object> fields, String path) {
        if (fields.containsKey(path) || path.indexOf('.') < 0) {
            return fields.get(path);
        }
        return lookup(fields, path.split("\\."), 0);
    }

    private static Object lookup(Object current, String[] segments, int from) {
        for (int i = from; i < segments.length && current != null; i++) {
            String segment = segments[i];
            if (current instanceof List<?> list && segment.equals("*")) {
                List<Object> results = new ArrayList<>();
                for (Object item : list) {
                    Object value = lookup(item, segments, i + 1);
                    if (value instanceof List<?> nested) {
                        results.addAll(nested);
                    } else if (value != null) {
                        results.add(value);
                    }
                }
                return results.isEmpty() ? null : results;
            } else if (current instanceof Map<?, ?> map) {
                current = map.get(segment);
            } else if (current instanceof List<?> list && !segment.isEmpty() && segment.chars().allMatch(Character::isDigit)) {
                int index = Integer.parseInt(segment);
                current = index < list.size() ? list.get(index) : null;
            } else {
                return null;
            }
        }
        return current;
    }

    /** The non-blank items of a text split at the separator, trimmed. */
    static List<String> split(String value, Pattern separator) {
        List<String> items = new ArrayList<>();
        for (String item : separator.split(value)) {
            String trimmed = item.trim();
            if (!trimmed.isEmpty()) {
                items.add(trimmed);
            }
        }
        return items;
    }

    /** A whole number (spaces as thousands separators allowed, no fraction), or null. */
    static Long toInteger(Object value) {
        if (value instanceof Boolean) {
            return null;
        }
        String text = display(value).replaceAll("[\\s\\u00A0\\u202F]", "");
        try {
            BigDecimal number = new BigDecimal(text);
            return number.stripTrailingZeros().scale() <= 0 ? number.longValueExact() : null;
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    /** Yes or no in Swedish or English (ja/nej, yes/no, true/false, x, 1/0, …), or null. */
    static Boolean toBoolean(Object value) {
        if (value instanceof Boolean bool) {
            return bool;
        }
        String key = normalize(display(value));
        return TRUE.contains(key) ? Boolean.TRUE : FALSE.contains(key) ? Boolean.FALSE : null;
    }

    /** A raw value as text: integral numbers without a fraction, lists joined. */
    static String display(Object value) {
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            BigDecimal number = new BigDecimal(value.toString());
            return number.stripTrailingZeros().scale() <= 0 ? number.toBigInteger().toString() : number.toPlainString();
        }
        if (value instanceof List<?> list) {
            List<String> parts = new ArrayList<>();
            list.forEach(item -> parts.add(display(item)));
            return String.join(", ", parts);
        }
        return String.valueOf(value);
    }
}
