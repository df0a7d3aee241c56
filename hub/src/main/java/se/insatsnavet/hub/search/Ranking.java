package se.insatsnavet.hub.search;

import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import se.insatsnavet.hub.services.ServiceFilter;

/**
 * The order of a search's answer: by relevance (then by title) when it has words and no {@code sort=title};
 * otherwise by title (then in index order). The titles' order compares term ordinals (see
 * {@link OrdinalTermOrder}), as {@code SortField.Type.STRING} orders them.
 */
final class Ranking {

    private static final Sort BY_TITLE = new Sort(new SortField("sort_title", new OrdinalTermOrder()), SortField.FIELD_DOC);
    private static final Sort BY_RELEVANCE = new Sort(SortField.FIELD_SCORE, new SortField("sort_title", new OrdinalTermOrder()));

    private Ranking() {
    }

    /** The sort of {@code filter}'s answer. */
    static Sort of(ServiceFilter filter) {
        boolean byTitle = filter.q().isEmpty() || "title".equals(filter.more().sort());
        return byTitle ? BY_TITLE : BY_RELEVANCE;
    }
}
