package se.insatsnavet.plugins.jsonfeed;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import se.insatsnavet.plugin.api.RawSourceRecord;
import se.insatsnavet.plugin.api.SourceConnectorPlugin;
import se.insatsnavet.plugin.api.SourceRequest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON Feed 1.1 document (jsonfeed.org; many web sites publish one beside RSS) from a file next to
 * the descriptor or an http(s) URL: one record per item, with {@code id}, {@code url}, {@code title},
 * {@code summary}, {@code content_text} (or {@code content_html} with the tags removed), {@code tags},
 * {@code date_modified} and any {@code _extension} objects as they are. At most {@value #MAX_BYTES} bytes; a
 * redirect is not followed to another host.
 */
public final class JsonFeedConnector implements SourceConnectorPlugin {

    static final int MAX_BYTES = 20 * 1024 * 1024;
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build());
    }

    private volatile Duration timeout = Duration.ofSeconds(30);

    @Override
    public String id() {
        return "jsonfeed";
    }

    @Override
    public void init(Map<String, String> config) {
        if (config.containsKey("timeoutSeconds")) {
            timeout = Duration.ofSeconds(Long.parseLong(config.get("timeoutSeconds")));
        }
    }

    @Override
    public List<RawSourceRecord> read(SourceRequest request) throws IOException {
        JsonNode feed = JSON.readTree(request.isUrl() ? fetch(request.location()) : Files.readAllBytes(request.file()));
        if (!feed.path("version").asText().startsWith("https://jsonfeed.org/version/")) {
            throw new IOException("Not a JSON Feed (no https://jsonfeed.org/version/… in 'version'): " + request.location());
        }
        List<RawSourceRecord> records = new ArrayList<>();
        JsonNode items = feed.path("items");
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            Map<String, Object> fields = new LinkedHashMap<>();
            item.fields().forEachRemaining(e -> {
                if (e.getValue().isValueNode()) {
                    fields.put(e.getKey(), e.getValue().asText());
                } else {
                    fields.put(e.getKey(), JSON.convertValue(e.getValue(), Object.class));
                }
            });
            if (!fields.containsKey("content_text") && item.hasNonNull("content_html")) {
                fields.put("content_text", item.path("content_html").asText().replaceAll("<[^>]*>", " ")
                        .replaceAll("\\s+", " ").trim());
            }
            records.add(new RawSourceRecord("item " + (i + 1), fields));
        }
        return records;
    }

    private byte[] fetch(String url) throws IOException {
        URI uri = URI.create(url);
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
            throw new IOException("Only http(s) URLs are read: " + url);
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        try {
            HttpResponse<InputStream> r = client.send(HttpRequest.newBuilder(uri).timeout(timeout)
                    .header("Accept", "application/feed+json, application/json").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = r.body()) {
                if (r.statusCode() != 200) {
                    throw new IOException("HTTP " + r.statusCode() + " from " + url);
                }
                byte[] body = in.readNBytes(MAX_BYTES + 1);
                if (body.length > MAX_BYTES) {
                    throw new IOException("The feed at " + url + " is larger than " + MAX_BYTES + " bytes");
                }
                return body;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while reading " + url, e);
        }
    }
}
