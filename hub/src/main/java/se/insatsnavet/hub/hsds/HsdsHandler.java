package se.insatsnavet.hub.hsds;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import se.insatsnavet.hub.http.ClasspathFilesHandler;
import se.insatsnavet.hub.http.PreparedBody;
import se.insatsnavet.hub.http.QueryParams;
import se.insatsnavet.hub.http.Responses;
import se.insatsnavet.hub.services.ServiceCatalog;
import se.insatsnavet.hub.services.ServiceFilter;
import se.insatsnavet.schema.Vocabulary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The HSDS 3.1 API routes ({@code /hsds/…}), as HSDS's {@code openapi.json} names them: each operation takes
 * exactly its parameters ({@link HsdsParameters}: any other is a 400 naming it), the five lists answer POST as
 * GET. Lists are HSDS Page objects ({@code total_items}, {@code total_pages}, {@code page_number}, {@code size}
 * (the items on the page), {@code first_page}, {@code last_page}, {@code empty}, {@code contents});
 * {@code format=ndjson} streams every result, one per line, without pagination.
 */
public final class HsdsHandler {

    /** HSDS version this API follows. */
    public static final String VERSION = "3.1";
    /** The HSDS schemas the profile patches. */
    public static final List<String> PROFILE_SCHEMAS = List.of("service", "organization", "service_area");
    /** Services nested in an organization at most. */
    public static final int MAX_NESTED_SERVICES = 100;

    private final Vertx vertx;
    private final HsdsTaxonomies taxonomies;
    private final HsdsServiceRoutes services;
    private final HsdsOrganizationRoutes organizations;
    private final String baseUri;

    private HsdsHandler(Vertx vertx, ServiceCatalog catalog, HsdsServiceIndex index, Vocabulary vocabulary, String baseUri) {
        this.vertx = vertx;
        this.taxonomies = new HsdsTaxonomies(vocabulary);
        HsdsServiceView view = new HsdsServiceView(vocabulary, taxonomies, catalog::organisationIri);
        HsdsFilters filters = new HsdsFilters(taxonomies, index);
        HsdsAnswers answers = new HsdsAnswers(vertx, catalog::searchGeneration);
        this.services = new HsdsServiceRoutes(vertx, catalog, index, view, filters, answers);
        this.organizations = new HsdsOrganizationRoutes(vertx, catalog, index, view, filters, answers);
        this.baseUri = baseUri;
    }

    public static HsdsHandler create(Vertx vertx, ServiceCatalog catalog, HsdsServiceIndex index, Vocabulary vocabulary,
                                     String baseUri) {
        return new HsdsHandler(vertx, catalog, index, vocabulary, baseUri);
    }

    /** {@code GET /hsds/}: the API's HSDS version, its profile and its OpenAPI document. */
    public Handler<RoutingContext> meta() {
        return HsdsParameters.only(HsdsParameters.NONE, ctx -> Responses.json(ctx, 200, Responses.object().put("version", VERSION)
                .put("profile", baseUri + "hsds/profile/")
                .put("openapi_url", baseUri + "openapi.json")));
    }

    /** {@code GET /hsds/profile/}: what the Insatsnavet profile is and where its files are. */
    public Handler<RoutingContext> profile() {
        return ctx -> {
            ObjectNode body = Responses.object().put("name", "Insatsnavet")
                    .put("description", "Insatsnavet profile of HSDS " + VERSION + ": JSON Merge Patches (RFC 7396) on"
                            + " HSDS's schema files and openapi.json; see readme_url")
                    .put("hsds_version", VERSION)
                    .put("readme_url", baseUri + "hsds/profile/README.md")
                    .put("openapi_url", baseUri + "hsds/profile/openapi.json");
            ObjectNode schemas = body.putObject("schema_patches");
            PROFILE_SCHEMAS.forEach(name -> schemas.put(name, baseUri + "hsds/profile/schema/" + name + ".json"));
            Responses.json(ctx, 200, body);
        };
    }

    /** {@code GET /hsds/profile/README.md}. */
    public Handler<RoutingContext> profileReadme() {
        return ClasspathFilesHandler.single("/hsds-profile/README.md", "text/markdown; charset=utf-8");
    }

    /** {@code GET /hsds/profile/openapi.json}: the profile's patch of HSDS's openapi.json. */
    public Handler<RoutingContext> profileOpenApi() {
        return ClasspathFilesHandler.single("/hsds-profile/openapi.json", "application/json");
    }

    /** {@code GET /hsds/profile/schema/{name}}: the profile's patches of HSDS schemas ({@link #PROFILE_SCHEMAS}). */
    public Handler<RoutingContext> profileSchemas() {
        Map<String, String> files = new LinkedHashMap<>();
        PROFILE_SCHEMAS.forEach(name -> files.put(name + ".json", "/hsds-profile/schema/" + name + ".json"));
        return ClasspathFilesHandler.create(files, "application/json");
    }

    /** {@code GET|POST /hsds/services}: search, page, per_page, taxonomy_term_id, taxonomy_id, organization_id, modified_after, minimal, full, format. */
    public Handler<RoutingContext> services() {
        return services.list();
    }

    /** {@code GET /hsds/services/{id}}: the fully nested service; the id is its HSDS UUID (or the hub's id). */
    public Handler<RoutingContext> service() {
        return services.one();
    }

    /** {@code GET|POST /hsds/organizations}: the providers of published services. */
    public Handler<RoutingContext> organizations() {
        return organizations.organizations();
    }

    /** {@code GET /hsds/organizations/{id}}: the organization with its services ({@code full_service}: fully nested). */
    public Handler<RoutingContext> organization() {
        return organizations.organization();
    }

    /** {@code GET|POST /hsds/service_at_locations}: every service in every municipality it is offered in. */
    public Handler<RoutingContext> serviceAtLocations() {
        return organizations.serviceAtLocations();
    }

    /** {@code GET /hsds/service_at_locations/{id}}: fully nested, with its location and its service. */
    public Handler<RoutingContext> serviceAtLocation() {
        return organizations.serviceAtLocation();
    }

    /** {@code GET|POST /hsds/taxonomies}: search, page, per_page, format. */
    public Handler<RoutingContext> taxonomyList() {
        return HsdsParameters.only(HsdsParameters.TAXONOMIES, ctx -> listOf(ctx, taxonomies.taxonomies()));
    }

    /** {@code GET /hsds/taxonomies/{id}}. */
    public Handler<RoutingContext> taxonomy() {
        return HsdsParameters.only(HsdsParameters.NONE, ctx -> taxonomies.taxonomy(ctx.pathParam("id")).ifPresentOrElse(
                scheme -> Responses.json(ctx, 200, taxonomies.taxonomyJson(scheme)),
                () -> Responses.problem(ctx, 404, "No taxonomy has the id " + ctx.pathParam("id"))));
    }

    /**
     * {@code GET|POST /hsds/taxonomy_terms}: search, page, per_page, format, taxonomy_id, top_only, parent_id.
     * Every term is a top-level one (the schemes are flat): {@code top_only} keeps them all, a term's
     * {@code parent_id} has none.
     */
    public Handler<RoutingContext> termList() {
        return HsdsParameters.only(HsdsParameters.TAXONOMY_TERMS, ctx -> {
            String scheme = null;
            boolean children;
            try {
                String taxonomyId = ctx.queryParams().get("taxonomy_id");
                if (taxonomyId != null) {
                    scheme = taxonomies.taxonomy(taxonomyId).orElseThrow(() -> new QueryParams.BadRequest(
                            "taxonomy_id " + taxonomyId + " is no taxonomy of /hsds/taxonomies"));
                }
                HsdsParameters.flag(ctx, "top_only", false);
                String parentId = ctx.queryParams().get("parent_id");
                if (parentId != null && taxonomies.term(parentId).isEmpty()) {
                    throw new QueryParams.BadRequest("parent_id " + parentId + " is no term of /hsds/taxonomy_terms");
                }
                children = parentId != null;
            } catch (QueryParams.BadRequest e) {
                Responses.problem(ctx, 400, e.getMessage());
                return;
            }
            listOf(ctx, children ? List.of() : taxonomies.terms(scheme));
        });
    }

    /** {@code GET /hsds/taxonomy_terms/{id}}. */
    public Handler<RoutingContext> term() {
        return HsdsParameters.only(HsdsParameters.NONE, ctx -> taxonomies.term(ctx.pathParam("id")).ifPresentOrElse(
                t -> Responses.json(ctx, 200, taxonomies.termJson(t.scheme(), t.code())),
                () -> Responses.problem(ctx, 404, "No taxonomy term has the id " + ctx.pathParam("id"))));
    }

    /** A list known in full, its items matching the search words: one page, or every one as NDJSON. */
    private void listOf(RoutingContext ctx, List<ObjectNode> all) {
        int page;
        int perPage;
        boolean ndjson;
        try {
            ndjson = HsdsParameters.ndjson(ctx);
            page = QueryParams.integer(ctx, "page", 1, 1, 100_000);
            perPage = QueryParams.integer(ctx, "per_page", ServiceFilter.DEFAULT_PER_PAGE, 1, ServiceFilter.MAX_PER_PAGE);
        } catch (QueryParams.BadRequest e) {
            Responses.problem(ctx, 400, e.getMessage());
            return;
        }
        List<String> words = QueryParams.words(ctx.queryParams().get("search"), 8);
        List<ObjectNode> matching = all.stream().filter(o -> words.stream().allMatch(w ->
                (o.path("name").asText() + " " + o.path("description").asText() + " " + o.path("code").asText())
                        .toLowerCase(Locale.ROOT).contains(w))).toList();
        if (ndjson) {
            HsdsPage.stream(vertx, ctx, () -> HsdsPage.chunks(matching));
        } else {
            Responses.send(ctx, PreparedBody.of("application/json", HsdsPage.body(matching, page, perPage)));
        }
    }
}
