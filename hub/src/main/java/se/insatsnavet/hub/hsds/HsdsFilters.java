package se.insatsnavet.hub.hsds;

import io.vertx.ext.web.RoutingContext;
import se.insatsnavet.hub.http.QueryParams;
import se.insatsnavet.hub.services.ServiceFilter;
import se.insatsnavet.hub.services.ServicesHandler;
import se.insatsnavet.schema.Vocabulary;
import se.insatsnavet.schema.vocab.INSV;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * The service filter of an HSDS request's parameters: {@code search} (words in name or description),
 * {@code taxonomy_term_id}, {@code taxonomy_id}, {@code organization_id}, {@code modified_after} (on or after), {@code page}
 * and {@code per_page}. A bad value, or an id that names nothing of this API, is a 400 naming the parameter.
 */
final class HsdsFilters {

    static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private final HsdsTaxonomies taxonomies;
    private final HsdsServiceIndex index;

    HsdsFilters(HsdsTaxonomies taxonomies, HsdsServiceIndex index) {
        this.taxonomies = taxonomies;
        this.index = index;
    }

    /** The filter of the request; page and per_page as given. Blocking (organization ids): call from a worker. */
    ServiceFilter of(RoutingContext ctx) {
        return of(ctx, QueryParams.integer(ctx, "page", 1, 1, 100_000),
                QueryParams.integer(ctx, "per_page", ServiceFilter.DEFAULT_PER_PAGE, 1, ServiceFilter.MAX_PER_PAGE));
    }

    /** The filter of the request for a given page and size (chunks of an NDJSON stream). */
    ServiceFilter of(RoutingContext ctx, int page, int perPage) {
        List<String> words = QueryParams.words(QueryParams.string(ctx, "search", 200), 8);
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
        return new ServiceFilter(words, null, targetGroup, null, page, perPage,
                new ServiceFilter.More(null, null, method, null, ServicesHandler.status(ctx), organisation, modifiedAfter(ctx), anyOf));
    }

    private static Instant modifiedAfter(RoutingContext ctx) {
        String after = QueryParams.string(ctx, "modified_after", 40);
        if (after == null) {
            return null;
        }
        try {
            Instant from = after.length() == 10 ? LocalDate.parse(after).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(after).toInstant();
            // HSDS: modified on or after; the catalogue's filter is strictly after, at millisecond precision
            return from.minusMillis(1);
        } catch (DateTimeParseException e) {
            throw new QueryParams.BadRequest("Parameter 'modified_after' must be a date (2026-01-31) or a date-time with"
                    + " offset (2026-01-31T12:00:00Z), not '" + after + "'");
        }
    }

    /** The filter of the services of one organisation (its IRI). */
    static ServiceFilter byOrganisation(String iri) {
        return new ServiceFilter(List.of(), null, null, null, 1, 1,
                new ServiceFilter.More(null, null, null, null, null, iri, null, null));
    }
}
