package se.insatsnavet.plugins.feedcsv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import se.insatsnavet.plugin.api.FeedFormatPlugin;

import java.util.ArrayList;
import java.util.List;

/**
 * A service as CSV (RFC 4180): a header and one row, for people who collect services in a spreadsheet.
 * Texts in Swedish (else the first language given); lists joined by spaces.
 */
public final class CsvFeedFormat implements FeedFormatPlugin {

    static final List<String> COLUMNS = List.of("id", "uri", "federation", "title", "description", "provider", "status",
            "targetGroups", "methods", "municipalities", "minAge", "maxAge", "email", "phone", "homepage");

    @Override
    public String id() {
        return "feed-csv";
    }

    @Override
    public String mediaType() {
        return "text/csv";
    }

    @Override
    public String formatName() {
        return "csv";
    }

    @Override
    public String title() {
        return "CSV";
    }

    @Override
    public String render(ObjectNode service, String serviceUri) {
        List<String> row = List.of(service.path("id").asText(""), serviceUri, service.path("federation").asText(""),
                text(service.path("title")), text(service.path("description")), text(service.path("provider").path("name")),
                service.path("status").asText(""), joined(service.path("targetGroups")), joined(service.path("methods")),
                joined(service.path("municipalities")), service.path("ageRange").path("min").asText(""),
                service.path("ageRange").path("max").asText(""), service.path("contact").path("email").asText(""),
                service.path("contact").path("phone").asText(""), service.path("homepage").asText(""));
        return line(COLUMNS) + line(row);
    }

    private static String text(JsonNode languages) {
        if (languages.has("sv")) {
            return languages.path("sv").asText();
        }
        var it = languages.elements();
        return it.hasNext() ? it.next().asText() : "";
    }

    private static String joined(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return String.join(" ", values);
    }

    /** One CSV record: every field quoted, quotes doubled, CRLF. A leading =, +, - or @ is defused for spreadsheets. */
    static String line(List<String> fields) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            String f = fields.get(i) == null ? "" : fields.get(i);
            if (!f.isEmpty() && "=+-@".indexOf(f.charAt(0)) >= 0 && !f.matches("-?\\d+")) {
                f = "'" + f;
            }
            b.append(i == 0 ? "" : ",").append('"').append(f.replace("\"", "\"\"")).append('"');
        }
        return b.append("\r\n").toString();
    }
}
