package se.insatsnavet.hub.services;

import java.time.Instant;
import java.util.List;

/**
 * What a client asks of {@code GET /api/services}: a page and optional filters that combine with AND.
 *
 * @param q            words that must all occur in the title or description (case-insensitive)
 * @param municipality SCB code of a municipality the service is offered in
 * @param targetGroup  target-group concept code
 * @param federation   federation id
 * @param page         1-based page number
 * @param perPage      page size (1..{@link #MAX_PER_PAGE})
 * @param more         the further filters ({@link More#NONE} for none)
 */
public record ServiceFilter(List<String> q, String municipality, String targetGroup, String federation, int page,
                            int perPage, More more) {

    /**
     * Filters beyond the first four, all optional (null = no filter).
     *
     * @param county       2-digit SCB county code: services in any of its municipalities, or for the whole county
     * @param age          a person's age, which must fall within the service's age range (open ends allowed)
     * @param method       method concept code
     * @param providerType provider-type concept code of the service's provider
     * @param status       status concept code
     * @param organisation IRI of the service's provider (competent authority)
     * @param modifiedAfter services changed (published by a run) after this instant
     * @param anyOf        IRI of a property the service must have some value of (e.g. any target group)
     * @param language     a language the service is offered in (ISO 639 code)
     * @param referral     "required" (an agency must refer) or "self" (one may apply oneself)
     * @param sort         "relevance" or "title"; null: relevance when there are words, else title
     */
    public record More(String county, Integer age, String method, String providerType, String status,
                       String organisation, Instant modifiedAfter, String anyOf, String language,
                       String referral, String sort) {
        public static final More NONE = new More(null, null, null, null, null);

        public More(String county, Integer age, String method, String providerType, String status) {
            this(county, age, method, providerType, status, null, null, null, null, null, null);
        }

        public More(String county, Integer age, String method, String providerType, String status,
                    String organisation, Instant modifiedAfter, String anyOf) {
            this(county, age, method, providerType, status, organisation, modifiedAfter, anyOf, null, null, null);
        }
    }

    public ServiceFilter(List<String> q, String municipality, String targetGroup, String federation, int page, int perPage) {
        this(q, municipality, targetGroup, federation, page, perPage, More.NONE);
    }

    public static final int DEFAULT_PER_PAGE = 20;
    public static final int MAX_PER_PAGE = 100;

    public ServiceFilter {
        q = q == null ? List.of() : List.copyOf(q);
        more = more == null ? More.NONE : more;
        if (page < 1) {
            throw new IllegalArgumentException("page must be 1 or more");
        }
        if (perPage < 1 || perPage > MAX_PER_PAGE) {
            throw new IllegalArgumentException("perPage must be between 1 and " + MAX_PER_PAGE);
        }
    }

    public int offset() {
        return (page - 1) * perPage;
    }
}
