package se.insatsnavet.connectors.hsds;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Category;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import se.insatsnavet.connectors.fetch.HttpFetcher;
import se.insatsnavet.connectors.fetch.RemoteSourceEndpoint;
import se.insatsnavet.connectors.read.JsonRecordReader;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code insats-hsds:<federationId>/<sourceId>?url=...} or {@code ?path=...}: Open Referral HSDS.
 * <ul>
 *   <li>{@code mode=api}: {@code GET <url>/services?page=N&per_page=M} (the HSDS Page wrapper) until the
 *       last page, then, with {@code details=true}, {@code GET <url>/services/{id}} for each service's full
 *       object;</li>
 *   <li>{@code mode=package}: a data package (folder or zip at {@code path}, or a zip at {@code url}) read
 *       by {@link HsdsPackageReader}.</li>
 * </ul>
 * With {@code mode=auto} (the default) a {@code path}, or a {@code url} ending in {@code .zip}, is a package;
 * any other url an API.
 *
 * <p>An API that contradicts itself is reported, never trusted in silence: a detail whose {@code id} is not the id
 * it was fetched by is a problem of that record (skipped; its published version stays), a list item without a
 * field HSDS requires ({@code name}, {@code status}) and a {@code total_items} or {@code total_pages} that
 * disagrees with the pages read are warnings of the run ({@link SourceBatch#warnings()}).</p>
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = HsdsSourceComponent.SCHEME, title = "Insatsnavet HSDS source",
        syntax = "insats-hsds:federationId/sourceId", category = {Category.API},
        headersClass = SourceHeaders.class)
public class HsdsSourceEndpoint extends RemoteSourceEndpoint {

    @UriParam(defaultValue = "auto", enums = "auto,api,package", description = "api, package, or auto (told from the location)")
    private String mode = "auto";

    @UriParam(description = "A data package folder or .zip on disk (instead of url)")
    private String path;

    @UriParam(label = "security", description = "If set, path must resolve inside this directory")
    private String baseDirectory;

    @UriParam(label = "api", defaultValue = "100", description = "Services per page asked of an HSDS API")
    private int perPage = 100;

    @UriParam(label = "api", defaultValue = "true",
            description = "Fetch each service's full object from /services/{id} (the list may hold only part of it)")
    private boolean details = true;

    @UriParam(label = "api", defaultValue = "1000", description = "Most pages read; an API with more fails rather than being read in part")
    private int maxPages = 1000;

    public HsdsSourceEndpoint(String endpointUri, HsdsSourceComponent component) {
        super(endpointUri, component);
    }

    void checkConfiguration() {
        if ((path == null) == (getUrl() == null)) {
            throw new IllegalArgumentException(owner() + ": set exactly one of the options url and path");
        }
        if (getUrl() != null) {
            checkUrl();
        } else {
            packagePath();
        }
        if (!List.of("auto", "api", "package").contains(mode)) {
            throw new IllegalArgumentException(owner() + ": mode must be auto, api or package, not '" + mode + "'");
        }
        if (path != null && mode.equals("api")) {
            throw new IllegalArgumentException(owner() + ": mode=api needs a url, not a path");
        }
    }

    private boolean isApi() {
        return mode.equals("api") || mode.equals("auto") && path == null
                && !uri().getPath().toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    private Path packagePath() {
        Path requested = Path.of(path);
        if (baseDirectory == null) {
            return requested.toAbsolutePath().normalize();
        }
        Path base = Path.of(baseDirectory).toAbsolutePath().normalize();
        Path resolved = base.resolve(requested).normalize();
        if (!resolved.startsWith(base)) {
            throw new IllegalArgumentException(owner() + ": path '" + path + "' lies outside " + base + " (path traversal rejected)");
        }
        return resolved;
    }

    @Override
    public SourceBatch read() throws Exception {
        Instant fetchedAt = Instant.now();
        if (isApi()) {
            return readApi(fetchedAt);
        }
        Map<String, byte[]> files;
        String where;
        if (path != null) {
            Path location = packagePath();
            if (!Files.exists(location)) {
                throw new IOException(owner() + ": data package not found: " + location);
            }
            where = location.toString();
            try {
                files = PackageFiles.of(location);
            } catch (IOException e) {
                throw new IOException(owner() + ": " + where + ": " + e.getMessage(), e);
            }
        } else {
            HttpFetcher.Response response = fetcher().get(uri(), "application/zip, application/octet-stream;q=0.9");
            where = response.uri().toString();
            try {
                files = PackageFiles.unzip(response.body());
            } catch (IOException e) {
                throw new IOException(owner() + ": " + where + ": " + e.getMessage(), e);
            }
        }
        HsdsPackageReader.Result result;
        try {
            result = HsdsPackageReader.read(files);
        } catch (IOException e) {
            throw new IOException(owner() + ": " + where + ": " + e.getMessage(), e);
        }
        return new SourceBatch(getFederationId(), getSourceId(), result.records(), result.problems(),
                fingerprint(files), fetchedAt, result.notCarried());
    }

    private static String fingerprint(Map<String, byte[]> files) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        new TreeMap<>(files).forEach((name, bytes) -> {
            all.writeBytes(name.getBytes(StandardCharsets.UTF_8));
            all.writeBytes(SourceBatch.fingerprintOf(bytes).getBytes(StandardCharsets.UTF_8));
        });
        return SourceBatch.fingerprintOf(all.toByteArray());
    }

    private SourceBatch readApi(Instant fetchedAt) throws IOException {
        HttpFetcher fetcher = fetcher();
        String base = getUrl().trim().replaceAll("/+$", "");
        List<RawRecord> records = new ArrayList<>();
        List<SourceProblem> problems = new ArrayList<>();
        List<SourceProblem> warnings = new ArrayList<>();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        int listed = 0;
        JsonNode firstPage = null;
        int page = 1;
        for (; ; page++) {
            if (page > maxPages) {
                throw new IOException(owner() + ": more than " + maxPages + " pages at " + base + "/services");
            }
            URI uri = URI.create(base + "/services?page=" + page + "&per_page=" + perPage);
            JsonNode body = json(fetcher.get(uri, "application/json"), all);
            JsonNode contents = body.path("contents");
            if (!contents.isArray()) {
                throw new IOException(owner() + ": " + uri + " is not an HSDS page (no contents array)");
            }
            firstPage = firstPage == null ? body : firstPage;
            listed += contents.size();
            for (int i = 0; i < contents.size(); i++) {
                JsonNode item = contents.get(i);
                String locator = "services page " + page + " [" + i + "]";
                String id = item.path("id").asText("");
                if (!item.isObject() || id.isEmpty()) {
                    problems.add(new SourceProblem(locator, "id", "not a service with an id"));
                    continue;
                }
                checkListed(item, locator, id, warnings);
                JsonNode full = item;
                if (details) {
                    URI detail = URI.create(base + "/services/" + URLEncoder.encode(id, StandardCharsets.UTF_8));
                    full = json(fetcher.get(detail, "application/json"), all);
                    locator = "service " + id;
                    String detailId = full.path("id").asText("");
                    if (!full.isObject() || !detailId.equals(id)) {
                        problems.add(new SourceProblem(locator, "id", "the API listed the service '" + id + "', but "
                                + detail + " answered with " + (detailId.isEmpty() ? "no service id" : "the service '"
                                + detailId + "'") + "; the record is skipped (its published version, if any, stays)", id));
                        continue;
                    }
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> fields = (Map<String, Object>) JsonRecordReader.toJava(full);
                records.add(new RawRecord(locator, fields));
            }
            boolean last = body.path("last_page").asBoolean(false) || contents.isEmpty()
                    || body.has("total_pages") && page >= body.path("total_pages").asInt();
            if (last) {
                break;
            }
        }
        checkCounts(base, firstPage, page, listed, warnings);
        return new SourceBatch(getFederationId(), getSourceId(), records, problems,
                SourceBatch.fingerprintOf(all.toByteArray()), fetchedAt, warnings);
    }

    /** Fields HSDS 3 requires of every service of a list ({@code service_list.json}); {@code id} is checked apart. */
    private static final List<String> REQUIRED_IN_LIST = List.of("name", "status");

    /** A list item without a field HSDS requires is a warning naming the service (its detail may still hold it). */
    private static void checkListed(JsonNode item, String locator, String id, List<SourceProblem> warnings) {
        for (String field : REQUIRED_IN_LIST) {
            if (item.path(field).asText("").isBlank()) {
                warnings.add(new SourceProblem(locator, field, "the API lists the service '" + id + "' without its "
                        + field + ", which HSDS requires of every service in a list", id));
            }
        }
    }

    /**
     * The counts the API gives ({@code total_items}, {@code total_pages} of its first page) against what its
     * pages held: a disagreement is a warning (services may be missing, or listed twice).
     */
    private static void checkCounts(String base, JsonNode firstPage, int pagesRead, int listed, List<SourceProblem> warnings) {
        if (firstPage == null) {
            return;
        }
        String where = base + "/services";
        if (firstPage.path("total_items").isNumber() && firstPage.path("total_items").asInt() != listed) {
            warnings.add(new SourceProblem(where, "total_items", "the API says it holds " + firstPage.path("total_items").asInt()
                    + " services (total_items), but its pages listed " + listed));
        }
        if (firstPage.path("total_pages").isNumber() && firstPage.path("total_pages").asInt() != pagesRead
                && !(firstPage.path("total_pages").asInt() == 0 && listed == 0)) {
            warnings.add(new SourceProblem(where, "total_pages", "the API says it has " + firstPage.path("total_pages").asInt()
                    + " pages (total_pages), but " + pagesRead + " were read before one ended the list"));
        }
    }

    private JsonNode json(HttpFetcher.Response response, ByteArrayOutputStream all) throws IOException {
        all.writeBytes(response.body());
        try {
            return JsonRecordReader.parse(TextDecoder.decode(response.body(), TextDecoder.AUTO));
        } catch (IOException e) {
            throw new IOException(owner() + ": " + response.uri() + ": " + e.getMessage(), e);
        }
    }

    public String getMode() {
        return mode;
    }

    /** api, package or auto. */
    public void setMode(String mode) {
        this.mode = mode;
    }

    public String getPath() {
        return path;
    }

    /** A data package folder or .zip on disk. */
    public void setPath(String path) {
        this.path = path;
    }

    public String getBaseDirectory() {
        return baseDirectory;
    }

    /** If set, path must resolve inside this directory. */
    public void setBaseDirectory(String baseDirectory) {
        this.baseDirectory = baseDirectory;
    }

    public int getPerPage() {
        return perPage;
    }

    /** Services per page asked of an HSDS API. */
    public void setPerPage(int perPage) {
        this.perPage = perPage;
    }

    public boolean isDetails() {
        return details;
    }

    /** Fetch each service's full object. */
    public void setDetails(boolean details) {
        this.details = details;
    }

    public int getMaxPages() {
        return maxPages;
    }

    /** Most pages read. */
    public void setMaxPages(int maxPages) {
        this.maxPages = maxPages;
    }
}
