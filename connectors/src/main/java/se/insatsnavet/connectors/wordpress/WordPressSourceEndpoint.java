package se.insatsnavet.connectors.wordpress;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Category;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import se.insatsnavet.connectors.fetch.HttpFetcher;
import se.insatsnavet.connectors.fetch.RemoteSourceEndpoint;
import se.insatsnavet.connectors.read.HtmlText;
import se.insatsnavet.connectors.read.JsonRecordReader;
import se.insatsnavet.connectors.read.TextDecoder;
import se.insatsnavet.connectors.source.RawRecord;
import se.insatsnavet.connectors.source.SourceBatch;
import se.insatsnavet.connectors.source.SourceHeaders;
import se.insatsnavet.connectors.source.SourceProblem;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code insats-wordpress:<federationId>/<sourceId>?url=https://site.se&type=insatser}: reads every page of
 * {@code /wp-json/wp/v2/<type>} (100 per page, as many pages as {@code X-WP-TotalPages} says), embedding the
 * taxonomy terms. Each post becomes a record with {@code id}, {@code slug}, {@code link}, {@code date},
 * {@code modified}, {@code title}, {@code excerpt} and {@code content} as plain text, the custom fields
 * ({@code acf.*}, {@code meta.*}) as they are, and {@code terms.<taxonomy>}: the names of the post's terms per
 * taxonomy (e.g. {@code terms.category}, {@code terms.post_tag}, {@code terms.malgrupp}).
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = WordPressSourceComponent.SCHEME, title = "Insatsnavet WordPress source",
        syntax = "insats-wordpress:federationId/sourceId", category = {Category.CMS},
        headersClass = SourceHeaders.class)
public class WordPressSourceEndpoint extends RemoteSourceEndpoint {

    private static final Pattern TYPE = Pattern.compile("[a-z0-9_-]+");
    private static final int PER_PAGE = 100;

    @UriParam(defaultValue = "posts", description = "REST base of the post type, e.g. posts, pages or a custom type such as insatser")
    private String type = "posts";

    @UriParam(defaultValue = "100", description = "Most pages read (100 posts each); a site with more fails rather than being read in part")
    private int maxPages = 100;

    public WordPressSourceEndpoint(String endpointUri, WordPressSourceComponent component) {
        super(endpointUri, component);
    }

    void checkConfiguration() {
        checkUrl();
        if (!TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException(owner() + ": type '" + type + "' is not a REST base (a-z, 0-9, _ and -)");
        }
    }

    /** The URL of page {@code page} (1-based). */
    URI pageUri(int page) {
        String site = getUrl().trim();
        String base = site.endsWith("/") ? site : site + "/";
        return URI.create(base + "wp-json/wp/v2/" + type + "?per_page=" + PER_PAGE + "&page=" + page
                + "&_embed=wp%3Aterm&orderby=id&order=asc");
    }

    @Override
    public SourceBatch read() throws Exception {
        Instant fetchedAt = Instant.now();
        HttpFetcher fetcher = fetcher();
        List<RawRecord> records = new ArrayList<>();
        List<SourceProblem> problems = new ArrayList<>();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        int totalPages = 1;
        for (int page = 1; page <= totalPages; page++) {
            HttpFetcher.Response response = fetcher.get(pageUri(page), "application/json");
            all.write(response.body());
            if (page == 1) {
                totalPages = response.header("X-WP-TotalPages").map(String::trim).map(Integer::parseInt).orElse(1);
                if (totalPages > maxPages) {
                    throw new IOException(owner() + ": the site has " + totalPages + " pages of " + type
                            + ", more than maxPages=" + maxPages);
                }
            }
            JsonNode posts;
            try {
                posts = JsonRecordReader.parse(TextDecoder.decode(response.body(), "auto"));
            } catch (IOException e) {
                throw new IOException(owner() + ": " + response.uri() + ": " + e.getMessage(), e);
            }
            if (!posts.isArray()) {
                throw new IOException(owner() + ": " + response.uri() + " did not return a list of posts");
            }
            for (int i = 0; i < posts.size(); i++) {
                String locator = "page " + page + " post " + (i + 1);
                JsonNode post = posts.get(i);
                if (!post.isObject() || !post.hasNonNull("id")) {
                    problems.add(new SourceProblem(locator, "id", "not a post with an id"));
                } else {
                    records.add(new RawRecord(locator, fields(post)));
                }
            }
        }
        return new SourceBatch(getFederationId(), getSourceId(), records, problems,
                SourceBatch.fingerprintOf(all.toByteArray()), fetchedAt);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> fields(JsonNode post) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", post.get("id").asText());
        putText(fields, "slug", post.path("slug").asText(null));
        putText(fields, "link", post.path("link").asText(null));
        putText(fields, "date", post.path("date").asText(null));
        putText(fields, "modified", post.path("modified").asText(null));
        putText(fields, "status", post.path("status").asText(null));
        for (String html : List.of("title", "excerpt", "content")) {
            JsonNode value = post.path(html);
            putText(fields, html, HtmlText.toText(value.isObject() ? value.path("rendered").asText(null) : value.asText(null)));
        }
        for (String custom : List.of("acf", "meta")) {
            if (post.path(custom).isObject() && !post.path(custom).isEmpty()) {
                fields.put(custom, JsonRecordReader.toJava(post.get(custom)));
            }
        }
        Map<String, Object> terms = new LinkedHashMap<>();
        for (JsonNode group : post.path("_embedded").path("wp:term")) {
            for (JsonNode term : group) {
                String taxonomy = term.path("taxonomy").asText("");
                String name = HtmlText.toText(term.path("name").asText(""));
                if (!taxonomy.isEmpty() && !name.isEmpty()) {
                    ((List<Object>) terms.computeIfAbsent(taxonomy, t -> new ArrayList<>())).add(name);
                }
            }
        }
        if (!terms.isEmpty()) {
            fields.put("terms", terms);
        }
        return fields;
    }

    private static void putText(Map<String, Object> fields, String name, String value) {
        if (value != null && !value.isBlank()) {
            fields.put(name, value.strip());
        }
    }

    public String getType() {
        return type;
    }

    /** REST base of the post type. */
    public void setType(String type) {
        this.type = type;
    }

    public int getMaxPages() {
        return maxPages;
    }

    /** Most pages read. */
    public void setMaxPages(int maxPages) {
        this.maxPages = maxPages;
    }
}
