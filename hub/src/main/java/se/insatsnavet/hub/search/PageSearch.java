package se.insatsnavet.hub.search;

import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TotalHits;
import se.insatsnavet.hub.services.ServiceFilter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One search over one point-in-time view of the index: the filter's query ({@link ServiceQueries}) in its order
 * ({@link Ranking}), the page's documents (a page deep in the answer through {@link DeepPages}), the total, the
 * facet counts ({@link FacetCounts}) and the snippets ({@link Snippets}) when asked for. Thread-safe.
 */
final class PageSearch {

    private final ServiceQueries queries;
    private final FacetCounts facetCounts;
    private final Snippets snippets;
    private final DeepPages deepPages = new DeepPages();

    PageSearch(ServiceQueries queries, FacetCounts facetCounts, Snippets snippets) {
        this.queries = queries;
        this.facetCounts = facetCounts;
        this.snippets = snippets;
    }

    /** What {@code filter} finds in {@code searcher}'s view (see {@link ServiceIndex#search}). */
    ServiceIndex.Hits run(IndexSearcher searcher, ServiceFilter filter, boolean facets, boolean withSnippets) throws IOException {
        Query query = queries.query(searcher, filter);
        int wanted = filter.offset() + filter.perPage();
        Sort sort = Ranking.of(filter);
        TotalHits totalHits;
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        List<Integer> pageDocs = new ArrayList<>();
        if (DeepPages.deep(filter.offset())) {
            // a page deep in the answer: a slice of the question's hits, sorted once (see DeepPages)
            DeepPages.Page page = deepPages.page(searcher, query, sort, filter.offset(), filter.perPage());
            totalHits = page.totalHits();
            for (int doc : page.docs()) {
                pageDocs.add(doc);
            }
            if (facets) {
                FacetsCollectorManager.FacetsResult result = FacetsCollectorManager.search(searcher, query, 1,
                        sort, false, new FacetsCollectorManager());
                counts = facetCounts.count(searcher, result.facetsCollector());
            }
        } else {
            TopDocs top;
            // one pass collects the page and the matching documents for the facet counts; the scores are
            // the sort's own (no second scoring pass)
            if (facets) {
                FacetsCollectorManager.FacetsResult result = FacetsCollectorManager.search(searcher, query, Math.max(1, wanted),
                        sort, false, new FacetsCollectorManager());
                top = result.topDocs();
                counts = facetCounts.count(searcher, result.facetsCollector());
            } else {
                // counted exactly: past 1,000 hits Lucene's default may stop counting and give a lower bound that
                // moves with the index's segments; a total the API publishes must be the true one
                top = searcher.search(query, new TopFieldCollectorManager(sort, Math.max(1, wanted), null, Integer.MAX_VALUE));
            }
            totalHits = top.totalHits;
            ScoreDoc[] docs = top.scoreDocs;
            for (int i = filter.offset(); i < docs.length && i < wanted; i++) {
                pageDocs.add(docs[i].doc);
            }
        }
        List<byte[]> items = IndexedItems.of(searcher.getIndexReader(), pageDocs);
        List<String> pageSnippets = List.of();
        if (withSnippets && !filter.q().isEmpty() && !pageDocs.isEmpty()) {
            pageSnippets = snippets.of(searcher, filter, totalHits, pageDocs, items);
        }
        return new ServiceIndex.Hits(items, totalHits.value, counts, pageSnippets);
    }
}
