package se.insatsnavet.hub.hsds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import se.insatsnavet.hub.http.Blocking;
import se.insatsnavet.hub.http.ClasspathFilesHandler;
import se.insatsnavet.hub.http.QueryParams;
import se.insatsnavet.hub.http.Responses;
import se.insatsnavet.hub.services.ServiceCatalog;
import se.insatsnavet.hub.services.ServiceFilter;
import se.insatsnavet.hub.services.ServicesHandler;
import se.insatsnavet.hub.services.ServicePageResult;
import se.insatsnavet.schema.Vocabulary;
import se.insatsnavet.schema.vocab.INSV;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Map;

/**
 * The HSDS 3 API routes ({@code /hsds/…}). Lists are HSDS Page objects ({@code total_items},
 * {@code total_pages}, {@code page_number}, {@code size}, {@code first_page}, {@code last_page}, {@code empty},
 * {@code contents}); {@code format=ndjson} gives the page's contents one per line instead.
 */
public final class HsdsHandler {

    /** HSDS version this API follows. */
    public static final String VERSION = "3.1";
    /** The HSDS schemas the profile patches. */
    public static final List<String> PROFILE_SCHEMAS = List.of("service", "organization", "service_area");
    /** Services nested in an organization at most. */
    public static final int MAX_NESTED_SERVICES = 100;
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private final Vertx vertx;
    private final ServiceCatalog catalog;
    private final HsdsServiceIndex index;
    private final HsdsTaxonomies taxonomies;
    private final HsdsServiceView view;
    private final String baseUri;

    private HsdsHandler(Vertx vertx, ServiceCatalog catalog, HsdsServiceIndex index, Vocabulary vocabulary, String baseUri) {
        this.vertx = vertx;
        this.catalog = catalog;
        this.index = index;
        this.taxonomies = new HsdsTaxonomies(vocabulary);
        this.view = new HsdsServiceView(vocabulary, taxonomies, catalog::organisationIri);
        this.baseUri = baseUri;
    }

    public static HsdsHandler create(Vertx vertx, ServiceCatalog catalog, HsdsServiceIndex index, Vocabulary vocabulary,
                                     String baseUri) {
        return new HsdsHandler(vertx, catalog, index, vocabulary, baseUri);
    }

    /** {@code GET /hsds/}: the API's HSDS version, its profile and its OpenAPI document. */
    public Handler<RoutingContext> meta() {
        return ctx -> Responses.json(ctx, 200, Responses.object().put("version", VERSION)
                .put("profile", baseUri + "hsds/profile/")
                .put("openapi_url", baseUri + "openapi.json"));
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
        Map<String, String> files = new java.util.LinkedHashMap<>();
        PROFILE_SCHEMAS.forEach(name -> files.put(name + ".json", "/hsds-profile/schema/" + name + ".json"));
        return ClasspathFilesHandler.create(files, "application/json");
    }

    /**
     * {@code GET /hsds/services}: search, page, per_page, taxonomy_term_id, taxonomy_id, organization_id,
     * modified_after, minimal, full, format.
     */
    public Handler<RoutingContext> services() {
        return ctx -> {
            boolean full = !("true".equals(ctx.queryParams().get("minimal")) || "false".equals(ctx.queryParams().get("full")));
            Blocking.run(vertx, () -> catalog.find(filter(ctx)).parsed()).onComplete(ar -> {
                if (ar.failed()) {
                    Responses.failed(ctx, ar.cause());
                    return;
                }
                ServicePageResult result = ar.result();
                ArrayNode contents = Responses.JSON.createArrayNode();
                result.items().forEach(item -> contents.add(view.service(item, full)));
                page(ctx, contents, result.total(), result.page(), result.perPage());
            });
        };
    }

    /**
     * The service filter of an HSDS request's parameters. Blocking (an organization id is looked up in the
     * index): call from a worker. Throws {@link QueryParams.BadRequest} for a bad or unknown value.
     */
    private ServiceFilter filter(RoutingContext ctx) {
        String search = QueryParams.string(ctx, "search", 200);
        List<String> words = QueryParams.words(search, 8);
        String termId = QueryParams.matching(ctx, "taxonomy_term_id", UUID, "a taxonomy term UUID");
        Optional<HsdsTaxonomies.Term> term = termId == null ? Optional.empty() : taxonomies.term(termId);
        if (termId != null && term.isEmpty()) {
            throw new QueryParams.BadRequest("taxonomy_term_id " + termId + " is no term of /hsds/taxonomy_terms");
        }
        String targetGroup = term.filter(t -> t.scheme().equals(Vocabulary.TARGET_GROUP)).map(HsdsTaxonomies.Term::code).orElse(null);
        String method = term.filter(t -> t.scheme().equals(Vocabulary.METHOD)).map(HsdsTaxonomies.Term::code).orElse(null);
        String taxonomyId = QueryParams.matching(ctx, "taxonomy_id", UUID, "a taxonomy UUID");
        String anyOf = null;
        if (taxonomyId != null) {
            String scheme = taxonomies.taxonomy(taxonomyId).orElseThrow(() ->
                    new QueryParams.BadRequest("taxonomy_id " + taxonomyId + " is no taxonomy of /hsds/taxonomies"));
            anyOf = scheme.equals(Vocabulary.TARGET_GROUP) ? INSV.targetGroup.getURI() : INSV.method.getURI();
        }
        String organizationId = QueryParams.matching(ctx, "organization_id", UUID, "an organization UUID");
        String organisation = null;
        if (organizationId != null) {
            organisation = index.organisationIri(organizationId).orElseThrow(() ->
                    new QueryParams.BadRequest("organization_id " + organizationId + " is no organization of /hsds/organizations"));
        }
        Instant modifiedAfter = null;
        String after = QueryParams.string(ctx, "modified_after", 40);
        if (after != null) {
            try {
                modifiedAfter = after.length() == 10 ? LocalDate.parse(after).atStartOfDay(ZoneOffset.UTC).toInstant()
                        : OffsetDateTime.parse(after).toInstant();
            } catch (DateTimeParseException e) {
                throw new QueryParams.BadRequest("modified_after must be a date (2026-01-31) or a date-time with offset"
                        + " (2026-01-31T12:00:00Z), not '" + after + "'");
            }
        }
        return new ServiceFilter(words, null, targetGroup, null,
                QueryParams.integer(ctx, "page", 1, 1, 100_000),
                QueryParams.integer(ctx, "per_page", ServiceFilter.DEFAULT_PER_PAGE, 1, ServiceFilter.MAX_PER_PAGE),
                new ServiceFilter.More(null, null, method, null, ServicesHandler.status(ctx), organisation, modifiedAfter, anyOf));
    }

    /** {@code GET /hsds/services/{id}}: the full service; the id is its HSDS UUID (or the hub's id). */
    public Handler<RoutingContext> service() {
        return ctx -> {
            String id = ctx.pathParam("id");
            Blocking.run(vertx, () -> {
                Optional<String> serviceId = id.matches(UUID) ? index.serviceId(id) : Optional.of(id);
                return serviceId.flatMap(catalog::itemOfId);
            }).onComplete(ar -> {
                if (ar.failed()) {
                    Responses.failed(ctx, ar.cause());
                } else if (ar.result().isEmpty()) {
                    Responses.problem(ctx, 404, "No published service has the id " + id);
                } else {
                    Responses.json(ctx, 200, view.service(ar.result().get(), true));
                }
            });
        };
    }

    /**
     * {@code GET /hsds/organizations}: the providers of published services (search in names; taxonomy_term_id
     * and taxonomy_id select those providing a matching service), each with its services' ids when
     * {@code full} is not false.
     */
    public Handler<RoutingContext> organizations() {
        return ctx -> {
            boolean full = !"false".equals(ctx.queryParams().get("full"));
            Blocking.run(vertx, () -> {
                ServiceFilter f = filter(ctx);
                ServiceFilter services = new ServiceFilter(List.of(), null, f.targetGroup(), null, 1, 1, f.more());
                List<ServiceCatalog.Organisation> all = catalog.organisations(services).stream()
                        .filter(o -> f.q().stream().allMatch(w -> o.name().toLowerCase(Locale.ROOT).contains(w))).toList();
                ArrayNode contents = Responses.JSON.createArrayNode();
                for (ServiceCatalog.Organisation o : all.subList(Math.min(all.size(), f.offset()),
                        Math.min(all.size(), f.offset() + f.perPage()))) {
                    ObjectNode org = view.organization(o.iri(), o.name(), o.services());
                    if (full) {
                        ArrayNode ids = org.putArray("services");
                        catalog.matchingUris(byOrganisation(o.iri()), MAX_NESTED_SERVICES)
                                .forEach(uri -> ids.addObject().put("id", HsdsIds.of(uri)));
                    }
                    contents.add(org);
                }
                return new Found(contents, all.size(), f);
            }).onComplete(ar -> {
                if (ar.failed()) {
                    Responses.failed(ctx, ar.cause());
                    return;
                }
                Found found = ar.result();
                page(ctx, found.contents(), found.total(), found.filter().page(), found.filter().perPage());
            });
        };
    }

    /**
     * {@code GET /hsds/organizations/{id}}: the organization with its services: ids and names, or full
     * service objects with {@code full_service=true} (for at most {@value #MAX_NESTED_SERVICES} services).
     */
    public Handler<RoutingContext> organization() {
        return ctx -> {
            String id = ctx.pathParam("id");
            boolean fullService = "true".equals(ctx.queryParams().get("full_service"));
            Blocking.run(vertx, () -> index.organisationIri(id).map(iri -> {
                ServiceCatalog.Organisation o = catalog.organisations(byOrganisation(iri)).stream().findFirst()
                        .orElseThrow(() -> new IllegalStateException("Organisation without services: " + iri));
                if (fullService && o.services() > MAX_NESTED_SERVICES) {
                    throw new QueryParams.BadRequest("This organization provides " + o.services() + " services; full_service"
                            + " nests at most " + MAX_NESTED_SERVICES + ": use /hsds/services?organization_id=" + id);
                }
                ObjectNode org = view.organization(o.iri(), o.name(), o.services());
                ArrayNode services = org.putArray("services");
                for (String uri : catalog.matchingUris(byOrganisation(iri), MAX_NESTED_SERVICES)) {
                    catalog.itemOf(uri).ifPresent(item -> {
                        ObjectNode service = view.service(item, fullService);
                        services.add(fullService ? service : Responses.object().put("id", service.path("id").asText())
                                .put("name", service.path("name").asText()).put("status", service.path("status").asText()));
                    });
                }
                return org;
            })).onComplete(ar -> {
                if (ar.failed()) {
                    Responses.failed(ctx, ar.cause());
                } else if (ar.result().isEmpty()) {
                    Responses.problem(ctx, 404, "No organization providing published services has the id " + id);
                } else {
                    Responses.json(ctx, 200, ar.result().get());
                }
            });
        };
    }

    /**
     * {@code GET /hsds/service_at_locations}: every service in every municipality it is offered in, with the
     * services' filters (search, taxonomy_term_id, taxonomy_id, organization_id, modified_after).
     */
    public Handler<RoutingContext> serviceAtLocations() {
        return ctx -> Blocking.run(vertx, () -> {
            ServiceFilter f = filter(ctx);
            return Map.entry(f, catalog.findPlaces(f));
        }).onComplete(ar -> {
            if (ar.failed()) {
                Responses.failed(ctx, ar.cause());
                return;
            }
            ServiceFilter f = ar.result().getKey();
            ServiceCatalog.PlacePage found = ar.result().getValue();
            ArrayNode contents = Responses.JSON.createArrayNode();
            found.places().forEach(p -> contents.add(view.serviceAtLocation(p.serviceUri(), p.municipality(), null, true)));
            page(ctx, contents, found.total(), f.page(), f.perPage());
        });
    }

    /** {@code GET /hsds/service_at_locations/{id}}: one, with its location and its service (minimal). */
    public Handler<RoutingContext> serviceAtLocation() {
        return ctx -> {
            String id = ctx.pathParam("id");
            Blocking.run(vertx, () -> index.place(id).flatMap(p -> catalog.itemOf(p.serviceUri()).map(item -> {
                ObjectNode service = view.service(item, false);
                ObjectNode at = view.serviceAtLocation(p.serviceUri(), p.municipality(), service.path("name").asText(), true);
                at.set("service", service);
                return at;
            }))).onComplete(ar -> {
                if (ar.failed()) {
                    Responses.failed(ctx, ar.cause());
                } else if (ar.result().isEmpty()) {
                    Responses.problem(ctx, 404, "No service_at_location has the id " + id);
                } else {
                    Responses.json(ctx, 200, ar.result().get());
                }
            });
        };
    }

    /** A page's contents, the total it was cut from, and the request's filter. */
    private record Found(ArrayNode contents, long total, ServiceFilter filter) {
    }

    private static ServiceFilter byOrganisation(String iri) {
        return new ServiceFilter(List.of(), null, null, null, 1, 1,
                new ServiceFilter.More(null, null, null, null, null, iri, null, null));
    }

    /** {@code GET /hsds/taxonomies}. */
    public Handler<RoutingContext> taxonomyList() {
        return ctx -> listOf(ctx, taxonomies.taxonomies());
    }

    /** {@code GET /hsds/taxonomies/{id}}. */
    public Handler<RoutingContext> taxonomy() {
        return ctx -> taxonomies.taxonomy(ctx.pathParam("id")).ifPresentOrElse(
                scheme -> Responses.json(ctx, 200, taxonomies.taxonomyJson(scheme)),
                () -> Responses.problem(ctx, 404, "No taxonomy has the id " + ctx.pathParam("id")));
    }

    /** {@code GET /hsds/taxonomy_terms} ({@code taxonomy_id} filters). */
    public Handler<RoutingContext> termList() {
        return ctx -> {
            String taxonomyId = ctx.queryParams().get("taxonomy_id");
            if (taxonomyId != null && taxonomies.taxonomy(taxonomyId).isEmpty()) {
                Responses.problem(ctx, 400, "taxonomy_id " + taxonomyId + " is no taxonomy of /hsds/taxonomies");
                return;
            }
            // every term is a top-level one: a parent_id has no children here
            listOf(ctx, ctx.queryParams().contains("parent_id") ? List.of()
                    : taxonomies.terms(taxonomyId == null ? null : taxonomies.taxonomy(taxonomyId).get()));
        };
    }

    /** {@code GET /hsds/taxonomy_terms/{id}}. */
    public Handler<RoutingContext> term() {
        return ctx -> taxonomies.term(ctx.pathParam("id")).ifPresentOrElse(
                t -> Responses.json(ctx, 200, taxonomies.termJson(t.scheme(), t.code())),
                () -> Responses.problem(ctx, 404, "No taxonomy term has the id " + ctx.pathParam("id")));
    }

    private void listOf(RoutingContext ctx, List<ObjectNode> all) {
        int page;
        int perPage;
        try {
            page = QueryParams.integer(ctx, "page", 1, 1, 100_000);
            perPage = QueryParams.integer(ctx, "per_page", ServiceFilter.DEFAULT_PER_PAGE, 1, ServiceFilter.MAX_PER_PAGE);
        } catch (QueryParams.BadRequest e) {
            Responses.problem(ctx, 400, e.getMessage());
            return;
        }
        String search = ctx.queryParams().get("search");
        List<String> words = QueryParams.words(search, 8);
        List<ObjectNode> matching = all.stream().filter(o -> words.stream().allMatch(w ->
                (o.path("name").asText() + " " + o.path("description").asText() + " " + o.path("code").asText())
                        .toLowerCase(Locale.ROOT).contains(w))).toList();
        ArrayNode contents = Responses.JSON.createArrayNode();
        matching.stream().skip((long) (page - 1) * perPage).limit(perPage).forEach(contents::add);
        page(ctx, contents, matching.size(), page, perPage);
    }

    private static void page(RoutingContext ctx, ArrayNode contents, long total, int page, int perPage) {
        if ("ndjson".equals(ctx.queryParams().get("format"))) {
            StringBuilder lines = new StringBuilder();
            for (JsonNode item : contents) {
                try {
                    lines.append(Responses.JSON.writeValueAsString(item)).append('\n');
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            }
            Responses.send(ctx, 200, "application/x-ndjson", lines.toString());
            return;
        }
        long totalPages = Math.max(1, (total + perPage - 1) / perPage);
        ObjectNode body = Responses.object();
        body.put("total_items", total).put("total_pages", totalPages).put("page_number", page).put("size", perPage)
                .put("first_page", page == 1).put("last_page", page >= totalPages).put("empty", contents.isEmpty());
        body.set("contents", contents);
        Responses.json(ctx, 200, body);
    }
}
