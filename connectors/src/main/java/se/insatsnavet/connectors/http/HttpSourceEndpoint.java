package se.insatsnavet.connectors.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Category;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import se.insatsnavet.connectors.fetch.HttpFetcher;
import se.insatsnavet.connectors.fetch.RemoteSourceEndpoint;
import se.insatsnavet.connectors.read.JsonRecordReader;
import se.insatsnavet.connectors.read.RecordReader;
import se.insatsnavet.connectors.read.TextDecoder;
import se.insatsnavet.connectors.source.RawRecord;
import se.insatsnavet.connectors.source.SourceBatch;
import se.insatsnavet.connectors.source.SourceHeaders;
import se.insatsnavet.connectors.source.SourceProblem;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code insats-http:<federationId>/<sourceId>?url=...&recordPath=data&paging=page}: reads every page of an
 * HTTP JSON API into one {@link SourceBatch}. A page that is not valid JSON, an error status, a time-out or
 * more pages than {@code maxPages} fail the whole read (a partial catalogue is never handed on as whole).
 * The fingerprint is the SHA-256 of all page bodies, so an API answering 304 to every page gives the same
 * fingerprint as the last read.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = HttpSourceComponent.SCHEME, title = "Insatsnavet HTTP JSON source",
        syntax = "insats-http:federationId/sourceId", category = {Category.HTTP},
        headersClass = SourceHeaders.class)
public class HttpSourceEndpoint extends RemoteSourceEndpoint {

    private static final Pattern LINK_NEXT = Pattern.compile("<([^>]*)>\\s*;[^,]*rel=\"?next\"?", Pattern.CASE_INSENSITIVE);

    @UriParam(label = "json", description = "Dot path to the array of records in each page, e.g. data.items; empty: the root array")
    private String recordPath;

    @UriParam(defaultValue = "none", enums = "none,page,offset,link",
            description = "Paging style: none, page (page number), offset, or link (next page's URL)")
    private Paging paging = Paging.NONE;

    @UriParam(label = "paging", defaultValue = "page", description = "Query parameter of the page number (paging=page)")
    private String pageParam = "page";

    @UriParam(label = "paging", defaultValue = "1", description = "Number of the first page (paging=page)")
    private int firstPage = 1;

    @UriParam(label = "paging", defaultValue = "offset", description = "Query parameter of the offset (paging=offset)")
    private String offsetParam = "offset";

    @UriParam(label = "paging", description = "Query parameter of the page size, e.g. per_page or limit; unset: not sent")
    private String sizeParam;

    @UriParam(label = "paging", defaultValue = "100", description = "Records per page (paging=page or offset)")
    private int pageSize = 100;

    @UriParam(label = "paging", description = "Dot path to the next page's URL in each page (paging=link); unset: the Link header")
    private String nextPath;

    @UriParam(label = "paging", defaultValue = "1000",
            description = "Most pages read; a source with more fails rather than being read in part")
    private int maxPages = 1000;

    public HttpSourceEndpoint(String endpointUri, HttpSourceComponent component) {
        super(endpointUri, component);
    }

    void checkConfiguration() {
        checkUrl();
        if (pageSize < 1 || maxPages < 1) {
            throw new IllegalArgumentException(owner() + ": pageSize and maxPages must be at least 1");
        }
    }

    @Override
    public SourceBatch read() throws Exception {
        Instant fetchedAt = Instant.now();
        HttpFetcher fetcher = fetcher();
        List<RawRecord> records = new ArrayList<>();
        List<SourceProblem> problems = new ArrayList<>();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        Set<URI> seen = new HashSet<>();
        URI next = pageUri(0);
        int page = 0;
        while (next != null) {
            if (page == maxPages) {
                throw new IOException(owner() + ": more than " + maxPages + " pages at " + getUrl()
                        + "; raise maxPages or check the paging options");
            }
            if (!seen.add(next)) {
                throw new IOException(owner() + ": page " + (page + 1) + " links back to " + next + " (a paging loop)");
            }
            HttpFetcher.Response response = fetcher.get(next, "application/json");
            all.write(response.body());
            JsonNode root;
            RecordReader.Result result;
            String prefix = paging == Paging.NONE ? "" : "page " + (page + 1) + " ";
            try {
                root = JsonRecordReader.parse(TextDecoder.decode(response.body(), "auto"));
                result = JsonRecordReader.recordsAt(root, recordPath, prefix);
            } catch (IOException e) {
                throw new IOException(owner() + ": " + response.uri() + ": " + e.getMessage(), e);
            }
            records.addAll(result.records());
            problems.addAll(result.problems());
            int onPage = result.records().size() + result.problems().size();
            page++;
            next = nextPage(page, onPage, root, response);
        }
        return new SourceBatch(getFederationId(), getSourceId(), records, problems,
                SourceBatch.fingerprintOf(all.toByteArray()), fetchedAt);
    }

    private URI nextPage(int pagesRead, int onLastPage, JsonNode root, HttpFetcher.Response response) {
        return switch (paging) {
            case NONE -> null;
            case PAGE, OFFSET -> onLastPage < pageSize ? null : pageUri(pagesRead);
            case LINK -> {
                String link = nextPath == null || nextPath.isBlank()
                        ? response.header("Link").map(HttpSourceEndpoint::linkNext).orElse(null)
                        : textOrNull(JsonRecordReader.at(root, nextPath));
                yield link == null || link.isBlank() ? null : response.uri().resolve(link.trim());
            }
        };
    }

    private static String linkNext(String header) {
        Matcher m = LINK_NEXT.matcher(header);
        return m.find() ? m.group(1) : null;
    }

    private static String textOrNull(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }

    /** The URI of the page with 0-based index {@code index} (for paging=link, only the first). */
    URI pageUri(int index) {
        URI base = uri();
        return switch (paging) {
            case NONE, LINK -> base;
            case PAGE -> withQuery(base, pageParam, String.valueOf(firstPage + index));
            case OFFSET -> withQuery(base, offsetParam, String.valueOf((long) index * pageSize));
        };
    }

    private URI withQuery(URI base, String param, String value) {
        StringBuilder query = new StringBuilder(base.getRawQuery() == null ? "" : base.getRawQuery());
        append(query, param, value);
        if (sizeParam != null && !sizeParam.isBlank()) {
            append(query, sizeParam, String.valueOf(pageSize));
        }
        String text = base.toString();
        int cut = text.indexOf('?') >= 0 ? text.indexOf('?') : text.indexOf('#') >= 0 ? text.indexOf('#') : text.length();
        return URI.create(text.substring(0, cut) + "?" + query);
    }

    private static void append(StringBuilder query, String name, String value) {
        if (query.length() > 0) {
            query.append('&');
        }
        query.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    public String getRecordPath() {
        return recordPath;
    }

    /** Dot path to the array of records in each page. */
    public void setRecordPath(String recordPath) {
        this.recordPath = recordPath;
    }

    public Paging getPaging() {
        return paging;
    }

    /** Paging style: none, page, offset or link. */
    public void setPaging(Paging paging) {
        this.paging = paging;
    }

    public String getPageParam() {
        return pageParam;
    }

    /** Query parameter of the page number. */
    public void setPageParam(String pageParam) {
        this.pageParam = pageParam;
    }

    public int getFirstPage() {
        return firstPage;
    }

    /** Number of the first page. */
    public void setFirstPage(int firstPage) {
        this.firstPage = firstPage;
    }

    public String getOffsetParam() {
        return offsetParam;
    }

    /** Query parameter of the offset. */
    public void setOffsetParam(String offsetParam) {
        this.offsetParam = offsetParam;
    }

    public String getSizeParam() {
        return sizeParam;
    }

    /** Query parameter of the page size. */
    public void setSizeParam(String sizeParam) {
        this.sizeParam = sizeParam;
    }

    public int getPageSize() {
        return pageSize;
    }

    /** Records per page. */
    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    public String getNextPath() {
        return nextPath;
    }

    /** Dot path to the next page's URL in each page. */
    public void setNextPath(String nextPath) {
        this.nextPath = nextPath;
    }

    public int getMaxPages() {
        return maxPages;
    }

    /** Most pages read. */
    public void setMaxPages(int maxPages) {
        this.maxPages = maxPages;
    }
}
