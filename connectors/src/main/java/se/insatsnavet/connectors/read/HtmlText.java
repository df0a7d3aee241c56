package se.insatsnavet.connectors.read;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTML fragments (feed summaries, WordPress content) as plain text: block elements become line breaks, other
 * tags are dropped, character references are decoded, runs of blanks collapse. Not a sanitiser: the hub never
 * republishes source HTML, it escapes everything it renders.
 */
public final class HtmlText {

    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    private static final Pattern SCRIPT = Pattern.compile("<(script|style)\\b[^>]*>.*?</\\1\\s*>",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern BLOCK = Pattern.compile("</?(p|div|br|li|ul|ol|h[1-6]|tr|table|section|article)\\b[^>]*>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");

    private HtmlText() {
    }

    /** The text of an HTML fragment; {@code null} stays {@code null}. */
    public static String toText(String html) {
        if (html == null) {
            return null;
        }
        String text = COMMENT.matcher(html).replaceAll("");
        text = SCRIPT.matcher(text).replaceAll("");
        text = BLOCK.matcher(text).replaceAll("\n");
        text = TAG.matcher(text).replaceAll("");
        text = decode(text);
        text = text.replace('\u00A0', ' ').replaceAll("[ \\t\\x0B\\f\\r]+", " ").replaceAll(" *\\n[ \\n]*", "\n");
        return text.strip();
    }

    private static String decode(String text) {
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String ref = m.group(1);
            String replacement;
            if (ref.startsWith("#x") || ref.startsWith("#X")) {
                replacement = codePoint(Integer.parseInt(ref.substring(2), 16));
            } else if (ref.startsWith("#")) {
                replacement = codePoint(Integer.parseInt(ref.substring(1)));
            } else {
                replacement = switch (ref) {
                    case "amp" -> "&";
                    case "lt" -> "<";
                    case "gt" -> ">";
                    case "quot" -> "\"";
                    case "apos" -> "'";
                    case "nbsp" -> " ";
                    case "ndash" -> "–";
                    case "mdash" -> "—";
                    case "hellip" -> "…";
                    case "rsquo", "lsquo" -> "’";
                    case "rdquo", "ldquo" -> "”";
                    case "aring" -> "å";
                    case "auml" -> "ä";
                    case "ouml" -> "ö";
                    case "Aring" -> "Å";
                    case "Auml" -> "Ä";
                    case "Ouml" -> "Ö";
                    case "eacute" -> "é";
                    default -> m.group();
                };
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String codePoint(int cp) {
        return Character.isValidCodePoint(cp) && cp != 0 ? new String(Character.toChars(cp)) : "\uFFFD";
    }
}
