package se.insatsnavet.connectors.feed;

import se.insatsnavet.connectors.read.HtmlText;
import se.insatsnavet.connectors.read.RecordReader;
import se.insatsnavet.connectors.source.RawRecord;
import se.insatsnavet.connectors.source.SourceProblem;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads RSS 2.0 and Atom 1.0 with StAX, DTDs and external entities disabled: a document declaring a DTD is
 * refused. Elements are matched by local name, so namespaced variants ({@code dc:date}, {@code content:encoded})
 * are read as well.
 */
final class FeedReader {

    private static final XMLInputFactory FACTORY = XMLInputFactory.newFactory();

    static {
        FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        FACTORY.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        FACTORY.setProperty(XMLInputFactory.IS_COALESCING, true);
    }

    private FeedReader() {
    }

    static RecordReader.Result read(byte[] xml, String declaredFormat) throws IOException {
        List<RawRecord> records = new ArrayList<>();
        List<SourceProblem> problems = new ArrayList<>();
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml));
            String root = null;
            int index = 0;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new IOException("the feed declares a DTD; DTDs and entities are refused");
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = reader.getLocalName();
                if (root == null) {
                    root = name;
                    checkRoot(root, declaredFormat);
                    continue;
                }
                if (name.equals("item") || name.equals("entry")) {
                    index++;
                    String locator = name + " " + index;
                    Map<String, Object> fields = readEntry(reader, name);
                    if (!fields.containsKey("id") && fields.containsKey("link")) {
                        fields.put("id", fields.get("link"));
                    }
                    if (!fields.containsKey("title")) {
                        problems.add(new SourceProblem(locator, "title", "the " + name + " has no title"));
                    } else {
                        records.add(new RawRecord(locator, reorder(fields)));
                    }
                }
            }
            if (root == null) {
                throw new IOException("the document is empty");
            }
        } catch (XMLStreamException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNumber() + ", column " + e.getLocation().getColumnNumber() + ")";
            throw new IOException("not a well-formed feed: " + firstLine(e.getMessage()) + where, e);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing left to release
                }
            }
        }
        return new RecordReader.Result(records, problems);
    }

    private static void checkRoot(String root, String declaredFormat) throws IOException {
        boolean rss = root.equals("rss") || root.equals("RDF");
        boolean atom = root.equals("feed");
        if (!rss && !atom) {
            throw new IOException("expected an RSS (<rss>) or Atom (<feed>) document, found <" + root + ">");
        }
        if (declaredFormat != null && !declaredFormat.isBlank()
                && !(declaredFormat.equalsIgnoreCase("rss") ? rss : declaredFormat.equalsIgnoreCase("atom") && atom)) {
            throw new IOException("format=" + declaredFormat + " but the document's root is <" + root + ">");
        }
    }

    /** Reads the children of an item/entry up to its end tag. */
    private static Map<String, Object> readEntry(XMLStreamReader reader, String element) throws XMLStreamException {
        Map<String, Object> fields = new LinkedHashMap<>();
        List<String> categories = new ArrayList<>();
        int depth = 1;
        while (reader.hasNext() && depth > 0) {
            int event = reader.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = reader.getLocalName();
            switch (name) {
                case "category" -> {
                    String term = reader.getAttributeValue(null, "term");
                    String text = reader.getElementText().strip();
                    add(categories, term != null ? term : text);
                }
                case "link" -> {
                    String href = reader.getAttributeValue(null, "href");
                    String rel = reader.getAttributeValue(null, "rel");
                    String text = reader.getElementText().strip();
                    if (href != null && (rel == null || rel.equals("alternate"))) {
                        fields.putIfAbsent("link", href.strip());
                    } else if (href == null && !text.isEmpty()) {
                        fields.putIfAbsent("link", text);
                    }
                }
                case "author", "creator" -> {
                    String author = name.equals("author") ? authorName(reader) : reader.getElementText().strip();
                    if (!author.isEmpty()) {
                        fields.putIfAbsent("author", author);
                    }
                }
                case "guid", "id" -> putText(fields, "id", reader.getElementText());
                case "title" -> putText(fields, "title", HtmlText.toText(reader.getElementText()));
                case "description", "summary" -> putText(fields, "summary", HtmlText.toText(reader.getElementText()));
                case "content", "encoded" -> putText(fields, "content", HtmlText.toText(reader.getElementText()));
                case "pubDate", "published", "date" -> putText(fields, "published", isoDate(reader.getElementText()));
                case "updated", "modified" -> putText(fields, "updated", isoDate(reader.getElementText()));
                default -> skip(reader);
            }
        }
        if (!categories.isEmpty()) {
            fields.put("categories", categories);
        }
        if (!fields.containsKey("updated") && fields.containsKey("published")) {
            fields.put("updated", fields.get("published"));
        }
        return fields;
    }

    private static String authorName(XMLStreamReader reader) throws XMLStreamException {
        StringBuilder name = new StringBuilder();
        int depth = 1;
        while (reader.hasNext() && depth > 0) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                if (reader.getLocalName().equals("name")) {
                    name.append(reader.getElementText().strip());
                    depth--;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.CHARACTERS && depth == 1) {
                name.append(reader.getText().strip());
            }
        }
        return name.toString().strip();
    }

    private static void skip(XMLStreamReader reader) throws XMLStreamException {
        int depth = 1;
        while (reader.hasNext() && depth > 0) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private static void putText(Map<String, Object> fields, String name, String value) {
        if (value != null && !value.isBlank()) {
            fields.putIfAbsent(name, value.strip());
        }
    }

    private static void add(List<String> list, String value) {
        if (value != null && !value.isBlank() && !list.contains(value.strip())) {
            list.add(value.strip());
        }
    }

    /** RFC 822 (RSS) and RFC 3339 (Atom) dates as ISO-8601 instants with offset; other text kept as it is. */
    static String isoDate(String text) {
        String value = text.strip();
        try {
            return OffsetDateTime.parse(value).toString();
        } catch (DateTimeParseException e) {
            try {
                return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toOffsetDateTime().toString();
            } catch (DateTimeParseException again) {
                return value;
            }
        }
    }

    private static Map<String, Object> reorder(Map<String, Object> fields) {
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (String key : List.of("id", "title", "summary", "content", "link", "categories", "published", "updated", "author")) {
            if (fields.containsKey(key)) {
                ordered.put(key, fields.get(key));
            }
        }
        return ordered;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String text = message.strip();
        int nl = text.lastIndexOf("Message: ");
        text = nl >= 0 ? text.substring(nl + 9) : text;
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
