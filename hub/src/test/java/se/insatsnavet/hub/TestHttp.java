package se.insatsnavet.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small blocking HTTP client for tests against a hub on a real port. */
final class TestHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    // HTTP/1.1: the JDK client otherwise tries an h2c upgrade on plain http, which once broke a run with a protocol error
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * How long one request may take: long, because on a busy machine (CI beside another build) a search across
     * peer hubs or a first page after an import can legitimately take many seconds; a hung request still ends.
     */
    static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(5);

    private final int port;

    TestHttp(int port) {
        this.port = port;
    }

    HttpResponse<String> get(String path, String accept) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(REQUEST_TIMEOUT).GET();
        if (accept != null) {
            b.header("Accept", accept);
        }
        try {
            return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GET with any headers (name, value, name, value …), the body as raw bytes. */
    HttpResponse<byte[]> getRaw(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(REQUEST_TIMEOUT).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether every bundled federation (at least four) has finished its first import, its indicators source
     * (read after its services) included.
     */
    boolean allFederationsImported() {
        JsonNode federations = json("/api/federations");
        if (federations.path("items").size() < 4) {
            return false;
        }
        for (JsonNode f : federations.path("items")) {
            if (!f.has("lastRun") || f.path("lastRun").path("status").asText().equals("running")) {
                return false;
            }
        }
        return allIndicatorsImported();
    }

    /**
     * Whether every federation with an indicators source has finished an import of it (it is read after the
     * federation's services, so this comes after {@link #allFederationsImported()}).
     */
    boolean allIndicatorsImported() {
        for (JsonNode f : json("/api/federations").path("items")) {
            if (!f.has("indicators")) {
                continue;
            }
            String source = f.path("indicators").path("id").asText();
            boolean finished = false;
            for (JsonNode run : json("/api/federations/" + f.path("id").asText() + "/runs").path("items")) {
                if (run.path("source").asText().equals(source) && !run.path("status").asText().equals("running")) {
                    finished = true;
                    break;
                }
            }
            if (!finished) {
                return false;
            }
        }
        return true;
    }

    HttpResponse<String> get(String path) {
        return get(path, null);
    }

    JsonNode json(String path) {
        HttpResponse<String> r = get(path, "application/json");
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** GET as JSON with a bearer token; the status must be 200. */
    JsonNode jsonWithToken(String path, String token) {
        HttpResponse<byte[]> r = getRaw(path, "Accept", "application/json", "Authorization", "Bearer " + token);
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + r.statusCode() + ": " + new String(r.body()));
        }
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
