package se.insatsnavet.hub;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds fully-qualified type names written inline in Java code ({@code java.util.function.Function<…>} where an
 * import belongs): a package starting {@code java.}, {@code javax.}, {@code org.}, {@code com.}, {@code io.} or
 * {@code se.}, lower-case segments, then a capitalised type. Import and package lines, comments (line, block,
 * Javadoc), string literals, text blocks and character literals are not code and are skipped.
 */
final class InlineNameScanner {

    private static final Pattern QUALIFIED_TYPE =
            Pattern.compile("(?<![\\w.])(?:java|javax|org|com|io|se)\\.(?:[a-z_][\\w]*\\.)+[A-Z]\\w*");

    /** One inline name: its 1-based line and the qualified name up to and including the first type. */
    record Finding(int line, String name) {
        @Override
        public String toString() {
            return line + ": " + name;
        }
    }

    private boolean inBlockComment;
    private boolean inTextBlock;

    private InlineNameScanner() {
    }

    /** The inline qualified type names in one Java source, in order. */
    static List<Finding> scan(List<String> lines) {
        InlineNameScanner scanner = new InlineNameScanner();
        List<Finding> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String code = scanner.codeOf(lines.get(i)).strip();
            if (code.startsWith("import ") || code.startsWith("package ")) {
                continue;
            }
            Matcher m = QUALIFIED_TYPE.matcher(code);
            while (m.find()) {
                found.add(new Finding(i + 1, m.group()));
            }
        }
        return found;
    }

    /** The code of one line: comments and literals replaced by a space, state carried to the next line. */
    private String codeOf(String line) {
        StringBuilder code = new StringBuilder();
        int i = 0;
        int n = line.length();
        while (i < n) {
            if (inBlockComment) {
                int end = line.indexOf("*/", i);
                if (end < 0) {
                    break;
                }
                inBlockComment = false;
                i = end + 2;
            } else if (inTextBlock) {
                int end = line.indexOf("\"\"\"", i);
                if (end < 0) {
                    break;
                }
                inTextBlock = false;
                i = end + 3;
            } else if (line.startsWith("//", i)) {
                break;
            } else if (line.startsWith("/*", i)) {
                inBlockComment = true;
                i += 2;
            } else if (line.startsWith("\"\"\"", i)) {
                inTextBlock = true;
                i += 3;
            } else if (line.charAt(i) == '"' || line.charAt(i) == '\'') {
                i = endOfLiteral(line, i);
                code.append(' ');
            } else {
                code.append(line.charAt(i));
                i++;
            }
        }
        return code.toString();
    }

    /** The index just past the string or character literal that starts at {@code start}. */
    private static int endOfLiteral(String line, int start) {
        char quote = line.charAt(start);
        int i = start + 1;
        while (i < line.length() && line.charAt(i) != quote) {
            i += line.charAt(i) == '\\' ? 2 : 1;
        }
        return i + 1;
    }
}
