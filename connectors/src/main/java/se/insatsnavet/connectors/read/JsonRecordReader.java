package se.insatsnavet.connectors.read;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import se.insatsnavet.connectors.source.RawRecord;
import se.insatsnavet.connectors.source.SourceProblem;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** JSON documents (an array of objects, at the root or at a record path) and NDJSON. */
public final class JsonRecordReader {

    /** Fails on anything after the document (a file written twice over, or a second write begun): it must parse to its end. */
    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private JsonRecordReader() {
    }

    public static RecordReader.Result readDocument(String text, String recordPath) throws IOException {
        return recordsAt(parse(text), recordPath, "");
    }

    /** Parses a whole JSON document; a syntax error is an {@link IOException} naming line and column. */
    public static JsonNode parse(String text) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IOException(describe(e), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new IOException("the document holds no JSON");
        }
        return root;
    }

    /** The node at a dot path ({@code data.items}, {@code links.0.href}); a missing node if absent. */
    public static JsonNode at(JsonNode root, String dotPath) {
        JsonNode node = root;
        String path = dotPath == null ? "" : dotPath.trim();
        if (!path.isEmpty()) {
            for (String segment : path.split("\\.")) {
                node = node.isArray() && !segment.isEmpty() && segment.chars().allMatch(Character::isDigit)
                        ? node.path(Integer.parseInt(segment)) : node.path(segment);
            }
        }
        return node;
    }

    /**
     * The records of the array at {@code recordPath} of a parsed document.
     *
     * @param locatorPrefix put before every locator, e.g. {@code "page 2 "}
     * @throws IOException if there is no array at the path
     */
    public static RecordReader.Result recordsAt(JsonNode root, String recordPath, String locatorPrefix) throws IOException {
        String path = recordPath == null ? "" : recordPath.trim();
        JsonNode array = at(root, path);
        String where = path.isEmpty() ? "the root" : "recordPath '" + path + "'";
        if (!array.isArray()) {
            throw new IOException("expected an array of records at " + where + ", found "
                    + (array.isMissingNode() ? "nothing" : array.getNodeType().name().toLowerCase(Locale.ROOT))
                    + (path.isEmpty() && root.isObject() ? " (set the option recordPath)" : ""));
        }
        String prefix = locatorPrefix + (path.isEmpty() ? "records" : path);
        List<RawRecord> records = new ArrayList<>();
        List<SourceProblem> problems = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            add(prefix + "[" + i + "]", array.get(i), records, problems);
        }
        return new RecordReader.Result(records, problems);
    }

    /**
     * NDJSON: one record per line; a line that is not a JSON object is a problem of its own. A last line that does
     * not parse and ends without a line break fails the whole text ({@link IOException}): it looks cut off.
     */
    public static RecordReader.Result readLines(String text) throws IOException {
        List<RawRecord> records = new ArrayList<>();
        List<SourceProblem> problems = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            String locator = "line " + (i + 1);
            try {
                add(locator, MAPPER.readTree(line), records, problems);
            } catch (JsonProcessingException e) {
                if (i == lines.length - 1) {
                    throw new IOException("the last line (" + (i + 1) + ") is not valid JSON and ends without a line"
                            + " break: the file looks cut off (truncated, or still being written): " + e.getOriginalMessage(), e);
                }
                problems.add(new SourceProblem(locator, null, "not valid JSON: " + e.getOriginalMessage()));
            }
        }
        return new RecordReader.Result(records, problems);
    }

    private static void add(String locator, JsonNode node, List<RawRecord> records, List<SourceProblem> problems) {
        if (node == null || !node.isObject()) {
            problems.add(new SourceProblem(locator, null, "expected a JSON object, found "
                    + (node == null ? "nothing" : node.getNodeType().name().toLowerCase(Locale.ROOT))));
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) toJava(node);
        records.add(new RawRecord(locator, fields));
    }

    /** Objects to insertion-ordered maps (null members left out), arrays to lists, scalars to String/Number/Boolean. */
    public static Object toJava(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                if (!member.getValue().isNull()) {
                    map.put(member.getKey(), toJava(member.getValue()));
                }
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            for (JsonNode item : node) {
                list.add(toJava(item));
            }
            return list;
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNull()) {
            return null;
        }
        return node.asText();
    }

    private static String describe(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        return "not valid JSON: " + e.getOriginalMessage()
                + (location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")");
    }
}
