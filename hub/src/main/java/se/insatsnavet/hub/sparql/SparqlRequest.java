package se.insatsnavet.hub.sparql;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One request to {@code /sparql} read and checked against the SPARQL 1.1 Protocol's query operation (§2.1):
 * {@code GET ?query=}, {@code POST} of a form ({@code application/x-www-form-urlencoded}) or {@code POST} of
 * the query itself ({@code application/sparql-query}, UTF-8). Exactly one query; graphs by
 * {@code default-graph-uri} / {@code named-graph-uri}; {@code format} picks a syntax. An update (any way it is
 * sent), an unknown parameter, a second query, another media type or charset is {@link Invalid}.
 * A {@code GET} with no parameter but {@code format} asks for the service description ({@link #describe()}).
 *
 * @param query         the query text, or null for the service description
 * @param defaultGraphs {@code default-graph-uri} values
 * @param namedGraphs   {@code named-graph-uri} values
 * @param format        the {@code format} parameter, or null
 */
record SparqlRequest(String query, List<String> defaultGraphs, List<String> namedGraphs, String format) {

    private static final Set<String> PARAMETERS = Set.of("query", "default-graph-uri", "named-graph-uri", "format");
    private static final Set<String> UPDATE_PARAMETERS = Set.of("update", "using-graph-uri", "using-named-graph-uri");
    static final String FORM = "application/x-www-form-urlencoded";
    static final String QUERY = "application/sparql-query";
    static final String UPDATE = "application/sparql-update";

    /** A request the protocol does not allow here, with why and the status to answer (400; 415 for another media type). */
    static final class Invalid extends RuntimeException {
        final int status;

        Invalid(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    boolean describe() {
        return query == null;
    }

    static SparqlRequest of(RoutingContext ctx) {
        MultiMap url;
        try {
            url = ctx.queryParams();
        } catch (RuntimeException e) {
            throw new Invalid(400, "The query string is not valid URL encoding: " + e.getMessage());
        }
        checkNames(url);
        if (ctx.request().method() != HttpMethod.POST) {
            List<String> queries = url.getAll("query");
            if (queries.isEmpty()) {
                if (url.names().stream().anyMatch(n -> !n.equals("format"))) {
                    throw new Invalid(400, "No query given: parameter 'query' is missing");
                }
                return new SparqlRequest(null, List.of(), List.of(), url.get("format"));
            }
            return new SparqlRequest(one(queries), url.getAll("default-graph-uri"), url.getAll("named-graph-uri"), url.get("format"));
        }
        String contentType = ctx.request().getHeader("Content-Type");
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (mediaType.equals(UPDATE)) {
            throw new Invalid(400, "This endpoint is read-only: SPARQL Update is not accepted");
        }
        if (mediaType.equals(FORM)) {
            MultiMap form = ctx.request().formAttributes();
            checkNames(form);
            List<String> queries = new ArrayList<>(url.getAll("query"));
            queries.addAll(form.getAll("query"));
            if (queries.isEmpty()) {
                throw new Invalid(400, "No query given: the form has no field 'query'");
            }
            return new SparqlRequest(one(queries), both(url, form, "default-graph-uri"), both(url, form, "named-graph-uri"),
                    form.contains("format") ? form.get("format") : url.get("format"));
        }
        if (mediaType.equals(QUERY)) {
            checkCharset(contentType);
            if (url.contains("query")) {
                throw new Invalid(400, "Two queries given: one in the body and one in parameter 'query'");
            }
            return new SparqlRequest(utf8(ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes()),
                    url.getAll("default-graph-uri"), url.getAll("named-graph-uri"), url.get("format"));
        }
        throw new Invalid(415, "A POST to /sparql is either " + FORM + " (field 'query') or " + QUERY
                + " (the query as the body); Content-Type was " + (contentType == null ? "missing" : "'" + contentType + "'"));
    }

    private static void checkNames(MultiMap params) {
        for (String name : params.names()) {
            if (UPDATE_PARAMETERS.contains(name)) {
                throw new Invalid(400, "This endpoint is read-only: SPARQL Update is not accepted (parameter '" + name + "')");
            }
            if (!PARAMETERS.contains(name)) {
                throw new Invalid(400, "Unknown parameter '" + name + "': this endpoint takes " + String.join(", ",
                        List.of("query", "default-graph-uri", "named-graph-uri", "format")));
            }
        }
    }

    private static String one(List<String> queries) {
        if (queries.size() > 1) {
            throw new Invalid(400, "More than one query given (" + queries.size() + " 'query' parameters): send one");
        }
        return queries.get(0);
    }

    private static List<String> both(MultiMap url, MultiMap form, String name) {
        List<String> values = new ArrayList<>(url.getAll(name));
        values.addAll(form.getAll(name));
        return values;
    }

    /** The protocol's direct POST is UTF-8 (§2.1.3): another charset is refused rather than guessed. */
    private static void checkCharset(String contentType) {
        String[] parts = contentType.split(";");
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                String charset = p.substring(8).trim().replace("\"", "");
                if (!charset.equalsIgnoreCase("utf-8")) {
                    throw new Invalid(400, "The query must be sent in UTF-8 (" + QUERY + "; charset=utf-8), not " + charset);
                }
            }
        }
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new Invalid(400, "The query is not valid UTF-8");
        }
    }
}
