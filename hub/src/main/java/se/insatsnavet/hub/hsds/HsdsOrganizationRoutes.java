package se.insatsnavet.hub.hsds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import se.insatsnavet.hub.http.QueryParams;
import se.insatsnavet.hub.http.Responses;
import se.insatsnavet.hub.services.ServiceCatalog;
import se.insatsnavet.hub.services.ServiceFilter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /hsds/organizations} and {@code /hsds/service_at_locations} (lists by GET or POST, one by id).
 * Organizations: basic fields; {@code full=true} adds the ids of their services, {@code full_service=true}
 * the fully nested services. Service_at_locations: one-to-one fields; {@code full=true} nests the location and
 * the service. {@code postcode} and {@code proximity} are refused: the catalogue records municipalities.
 */
final class HsdsOrganizationRoutes {

    /** Services nested in one organization at most. */
    static final int MAX_NESTED_SERVICES = HsdsHandler.MAX_NESTED_SERVICES;
    /** Fully nested services on one page of organizations at most. */
    static final int MAX_NESTED_ON_A_PAGE = 500;

    private final Vertx vertx;
    private final ServiceCatalog catalog;
    private final HsdsServiceIndex index;
    private final HsdsServiceView view;
    private final HsdsFilters filters;
    private final HsdsAnswers answers;

    HsdsOrganizationRoutes(Vertx vertx, ServiceCatalog catalog, HsdsServiceIndex index, HsdsServiceView view,
                           HsdsFilters filters, HsdsAnswers answers) {
        this.vertx = vertx;
        this.catalog = catalog;
        this.index = index;
        this.view = view;
        this.filters = filters;
        this.answers = answers;
    }

    /** {@code /hsds/organizations}: the providers of the published services matching the filters. */
    Handler<RoutingContext> organizations() {
        return HsdsParameters.only(HsdsParameters.ORGANIZATIONS, ctx -> {
            boolean full;
            boolean fullService;
            boolean ndjson;
            try {
                fullService = HsdsParameters.flag(ctx, "full_service", false);
                full = HsdsParameters.flag(ctx, "full", fullService);
                if (fullService && !full) {
                    throw new QueryParams.BadRequest("Parameters 'full_service=true' and 'full=false' exclude each other");
                }
                ndjson = HsdsParameters.ndjson(ctx);
            } catch (QueryParams.BadRequest e) {
                Responses.problem(ctx, 400, e.getMessage());
                return;
            }
            if (ndjson) {
                HsdsPage.stream(vertx, ctx, () -> {
                    List<ObjectNode> all = new ArrayList<>();
                    for (ServiceCatalog.Organisation o : matching(filters.of(ctx, 1, 1))) {
                        all.add(organization(o, full, fullService));
                    }
                    return HsdsPage.chunks(all);
                });
                return;
            }
            answers.answer(ctx, "organizations?" + HsdsParameters.canonical(ctx), () -> {
                ServiceFilter f = filters.of(ctx);
                List<ServiceCatalog.Organisation> all = matching(f);
                List<ServiceCatalog.Organisation> page = all.subList(Math.min(all.size(), f.offset()),
                        Math.min(all.size(), f.offset() + f.perPage()));
                long nested = page.stream().mapToLong(ServiceCatalog.Organisation::services).sum();
                if (fullService && nested > MAX_NESTED_ON_A_PAGE) {
                    throw new QueryParams.BadRequest("full_service would nest " + nested + " services on this page, more than "
                            + MAX_NESTED_ON_A_PAGE + ": ask for a smaller per_page");
                }
                List<byte[]> contents = new ArrayList<>();
                for (ServiceCatalog.Organisation o : page) {
                    contents.add(HsdsPage.bytes(organization(o, full, fullService)));
                }
                return HsdsPage.body(contents, all.size(), f.page(), f.perPage());
            }, null);
        });
    }

    /** The organisations of the services matching {@code f} (page ignored) whose names have the search words. */
    private List<ServiceCatalog.Organisation> matching(ServiceFilter f) {
        ServiceFilter services = new ServiceFilter(List.of(), null, f.targetGroup(), null, 1, 1, f.more());
        return catalog.organisations(services).stream()
                .filter(o -> f.q().stream().allMatch(w -> o.name().toLowerCase(Locale.ROOT).contains(w))).toList();
    }

    /** {@code /hsds/organizations/{id}}: with its services' ids, names and status, or fully nested ones. */
    Handler<RoutingContext> organization() {
        return HsdsParameters.only(HsdsParameters.ORGANIZATION, ctx -> {
            String id = ctx.pathParam("id");
            boolean fullService;
            try {
                fullService = HsdsParameters.flag(ctx, "full_service", false);
            } catch (QueryParams.BadRequest e) {
                Responses.problem(ctx, 400, e.getMessage());
                return;
            }
            answers.answer(ctx, "organization/" + id + "?" + fullService, () -> index.organisationIri(id).map(iri -> {
                ServiceCatalog.Organisation o = catalog.organisations(HsdsFilters.byOrganisation(iri)).stream().findFirst()
                        .orElseThrow(() -> new IllegalStateException("Organisation without services: " + iri));
                ObjectNode org = view.organization(o.iri(), o.name(), o.services());
                ArrayNode services = org.putArray("services");
                for (JsonNode service : services(o, fullService)) {
                    services.add(fullService ? service : Responses.object().put("id", service.path("id").asText())
                            .put("name", service.path("name").asText()).put("status", service.path("status").asText()));
                }
                return HsdsPage.bytes(org);
            }).orElse(null), "No organization providing published services has the id " + id);
        });
    }

    /** An organization of a list: basic, with its services' ids ({@code full}) or with its services nested. */
    private ObjectNode organization(ServiceCatalog.Organisation o, boolean full, boolean fullService) {
        ObjectNode org = view.organization(o.iri(), o.name(), o.services());
        if (fullService) {
            ArrayNode services = org.putArray("services");
            services(o, true).forEach(services::add);
        } else if (full) {
            ArrayNode ids = org.putArray("services");
            catalog.matchingUris(HsdsFilters.byOrganisation(o.iri()), MAX_NESTED_SERVICES)
                    .forEach(uri -> ids.addObject().put("id", HsdsIds.of(uri)));
        }
        return org;
    }

    /** The services of an organisation (one-to-one fields, or fully nested), at most {@value #MAX_NESTED_SERVICES}. */
    private List<ObjectNode> services(ServiceCatalog.Organisation o, boolean full) {
        if (full && o.services() > MAX_NESTED_SERVICES) {
            throw new QueryParams.BadRequest("Organization " + HsdsIds.of(o.iri()) + " provides " + o.services()
                    + " services; full_service nests at most " + MAX_NESTED_SERVICES + ": use /hsds/services?organization_id="
                    + HsdsIds.of(o.iri()));
        }
        List<ObjectNode> out = new ArrayList<>();
        for (String uri : catalog.matchingUris(HsdsFilters.byOrganisation(o.iri()), MAX_NESTED_SERVICES)) {
            catalog.itemOf(uri).ifPresent(item -> out.add(view.service(item, full)));
        }
        return out;
    }

    /** {@code /hsds/service_at_locations}: every service in every municipality it is offered in. */
    Handler<RoutingContext> serviceAtLocations() {
        return HsdsParameters.only(HsdsParameters.SERVICE_AT_LOCATIONS, ctx -> {
            boolean full;
            boolean ndjson;
            try {
                for (String name : List.of("postcode", "proximity")) {
                    if (ctx.queryParams().contains(name)) {
                        throw new QueryParams.BadRequest("Parameter '" + name + "' is not supported: the catalogue records"
                                + " the municipalities a service is offered in, not postcodes or coordinates");
                    }
                }
                full = HsdsParameters.flag(ctx, "full", false);
                ndjson = HsdsParameters.ndjson(ctx);
            } catch (QueryParams.BadRequest e) {
                Responses.problem(ctx, 400, e.getMessage());
                return;
            }
            if (ndjson) {
                HsdsPage.stream(vertx, ctx, () -> {
                    filters.of(ctx, 1, HsdsPage.CHUNK);
                    int[] page = {0};
                    boolean[] done = {false};
                    return () -> {
                        if (done[0]) {
                            return List.of();
                        }
                        ServiceCatalog.PlacePage found = catalog.findPlaces(filters.of(ctx, ++page[0], HsdsPage.CHUNK));
                        done[0] = (long) page[0] * HsdsPage.CHUNK >= found.total();
                        return places(found.places(), full);
                    };
                });
                return;
            }
            answers.answer(ctx, "service_at_locations?" + HsdsParameters.canonical(ctx), () -> {
                ServiceFilter f = filters.of(ctx);
                ServiceCatalog.PlacePage found = catalog.findPlaces(f);
                return HsdsPage.body(places(found.places(), full), found.total(), f.page(), f.perPage());
            }, null);
        });
    }

    /** Service_at_locations of (service, municipality) pairs, their services read together. */
    private List<byte[]> places(List<ServiceCatalog.ServicePlace> places, boolean full) {
        List<String> ids = new ArrayList<>();
        places.forEach(p -> catalog.serviceIdOf(p.serviceUri()).ifPresent(ids::add));
        Map<String, ObjectNode> items = catalog.itemsOfIds(ids);
        List<byte[]> out = new ArrayList<>();
        for (ServiceCatalog.ServicePlace p : places) {
            Optional<ObjectNode> item = catalog.serviceIdOf(p.serviceUri()).map(items::get);
            if (item.isPresent()) {
                out.add(HsdsPage.bytes(serviceAtLocation(p, item.get(), full)));
            }
        }
        return out;
    }

    private ObjectNode serviceAtLocation(ServiceCatalog.ServicePlace p, JsonNode item, boolean full) {
        ObjectNode service = view.service(item, full);
        ObjectNode at = view.serviceAtLocation(p.serviceUri(), p.municipality(), service.path("name").asText(), true);
        if (full) {
            at.set("service", service);
        } else {
            at.remove("location"); // the list's one-to-one fields: the location is nested with full=true
        }
        return at;
    }

    /** {@code /hsds/service_at_locations/{id}}: fully nested, with its location and its service. */
    Handler<RoutingContext> serviceAtLocation() {
        return HsdsParameters.only(HsdsParameters.NONE, ctx -> {
            String id = ctx.pathParam("id");
            answers.answer(ctx, "service_at_location/" + id, () -> index.place(id).flatMap(p -> catalog.itemOf(p.serviceUri())
                            .map(item -> HsdsPage.bytes(serviceAtLocation(p, item, true)))).orElse(null),
                    "No service_at_location has the id " + id);
        });
    }
}
