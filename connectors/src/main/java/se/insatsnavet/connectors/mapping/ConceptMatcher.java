package se.insatsnavet.connectors.mapping;

import java.util.Optional;

/**
 * Finds the concept code a free-text source value stands for, in one concept scheme. The hub supplies the
 * implementation backed by the vocabulary (labels, alternative labels, SCB place names); the mapper asks it
 * only after the source's own value map found nothing. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface ConceptMatcher {

    /** Target groups: codes of the target-group scheme. */
    String TARGET_GROUP = "target-group";
    /** Methods: codes of the method scheme. */
    String METHOD = "method";
    /** Provider types (also used for admission referrers). */
    String PROVIDER_TYPE = "provider-type";
    /** Lifecycle status: active, planned, paused, ended. */
    String STATUS = "status";
    /** Funding: finsam, esf, municipality, region, state, other. */
    String FUNDING = "funding";
    /** Municipality names to 4-digit SCB codes. */
    String MUNICIPALITY = "municipality";
    /** County/region names to 2-digit SCB codes. */
    String COUNTY = "county";
    /** Hittaguiden's situations (sjukskriven, aktivitetsersattning, …), which guidance articles link to. */
    String SITUATION = "situation";
    /** The kinds of guidance articles: vagval, story, question, situation-guide. */
    String ARTICLE_KIND = "article-kind";

    /**
     * @param scheme   one of the scheme constants of this interface
     * @param freeText the source value, trimmed, never empty
     * @return the concept's code, or empty when nothing matches
     */
    Optional<String> match(String scheme, String freeText);

    /** A matcher that never matches: only the descriptor's value maps and literal codes apply. */
    static ConceptMatcher none() {
        return (scheme, freeText) -> Optional.empty();
    }
}
