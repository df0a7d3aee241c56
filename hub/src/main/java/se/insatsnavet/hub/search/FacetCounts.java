package se.insatsnavet.hub.search;

import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.LongValues;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The facet dimensions of the services' documents ({@link #DIMENSIONS}, their configuration for the writer) and
 * the counts of a search's matches in them. The ordinals' state of a reader ({@link FacetState}) is built once
 * per reader and kept until the searches read a newer one. Thread-safe.
 */
final class FacetCounts {

    /** Facet dimensions, as named in the API. */
    static final List<String> DIMENSIONS = List.of("municipality", "county", "federation", "targetGroup", "method",
            "providerType", "language", "status", "referral");
    private static final Set<String> MULTI_VALUED = Set.of("municipality", "county", "targetGroup", "method", "language",
            "referral");
    /** The most values counted a dimension. */
    private static final int MAX_VALUES = 400;

    private final FacetsConfig config = new FacetsConfig();
    private volatile FacetState facetState;

    /** Per reader: the facet ordinals' state, the map of segment to global ordinals (null: one segment), each ordinal's value. */
    private record FacetState(DirectoryReader reader, SortedSetDocValuesReaderState state, OrdinalMap ordinals, String[] labels) {
    }

    FacetCounts() {
        for (String dim : MULTI_VALUED) {
            config.setMultiValued(dim, true);
        }
    }

    /** The configuration the documents' facet fields are built with. */
    FacetsConfig config() {
        return config;
    }

    /**
     * The facet counts of the matching documents: every dimension's values with their counts, most frequent
     * first (then by value), at most 400 a dimension. The values' ordinals are counted in one pass over the
     * matches; their labels come from the reader's {@link FacetState}, not from the terms dictionary.
     */
    Map<String, Map<String, Long>> count(IndexSearcher searcher, FacetsCollector collector) throws IOException {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        if (collector.getMatchingDocs().isEmpty() || searcher.getIndexReader().numDocs() == 0) {
            return counts;
        }
        FacetState facets = stateFor((DirectoryReader) searcher.getIndexReader());
        int[] perOrd = new int[facets.labels().length];
        for (FacetsCollector.MatchingDocs hits : collector.getMatchingDocs()) {
            if (hits.totalHits == 0) {
                continue;
            }
            SortedSetDocValues values = DocValues.getSortedSet(hits.context.reader(), facets.state().getField());
            LongValues global = facets.ordinals() == null ? LongValues.IDENTITY : facets.ordinals().getGlobalOrds(hits.context.ord);
            DocIdSetIterator docs = hits.bits.iterator();
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                if (values.advanceExact(doc)) {
                    for (int i = values.docValueCount(); i > 0; i--) {
                        perOrd[(int) global.get(values.nextOrd())]++;
                    }
                }
            }
        }
        for (String dim : DIMENSIONS) {
            Map<String, Long> values = new LinkedHashMap<>();
            SortedSetDocValuesReaderState.OrdRange range = facets.state().getOrdRange(dim);
            if (range != null) {
                List<Integer> found = new ArrayList<>();
                for (int ord = range.start; ord <= range.end; ord++) {
                    if (perOrd[ord] > 0) {
                        found.add(ord);
                    }
                }
                found.sort((x, y) -> perOrd[x] != perOrd[y] ? Integer.compare(perOrd[y], perOrd[x]) : Integer.compare(x, y));
                for (int ord : found.subList(0, Math.min(MAX_VALUES, found.size()))) {
                    values.put(facets.labels()[ord], (long) perOrd[ord]);
                }
            }
            counts.put(dim, values);
        }
        return counts;
    }

    private FacetState stateFor(DirectoryReader reader) throws IOException {
        FacetState s = facetState;
        if (s == null || s.reader() != reader) {
            SortedSetDocValuesReaderState state = new DefaultSortedSetDocValuesReaderState(reader, config);
            SortedSetDocValues all = state.getDocValues();
            String[] labels = new String[Math.toIntExact(all.getValueCount())];
            for (int ord = 0; ord < labels.length; ord++) {
                String[] path = FacetsConfig.stringToPath(all.lookupOrd(ord).utf8ToString());
                labels[ord] = path[path.length - 1];
            }
            OrdinalMap ordinals = all instanceof MultiDocValues.MultiSortedSetDocValues multi ? multi.mapping : null;
            s = new FacetState(reader, state, ordinals, labels);
            facetState = s;
        }
        return s;
    }
}
