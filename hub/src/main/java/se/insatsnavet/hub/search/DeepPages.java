package se.insatsnavet.hub.search;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Pages deep in a long answer. Lucene finds page {@code n} by collecting the best {@code offset + perPage} hits
 * and then popping them all off its priority queue in order, so one page at offset 90,000 costs as much as
 * sorting 90,000 hits, and a harvester walking {@code /hsds/services?page=1..5000} at 100,000 services paid
 * that for every page (a profile of the harness: 70 % of the CPU in {@code TopFieldCollector.populateResults}).
 *
 * <p>Instead, the first deep page of a question sorts every hit once, in the same order (same query, same
 * sort, same tie-break by document), and keeps the document numbers; the following pages of that question are
 * slices of them. Answers are identical to the collector's. What is kept belongs to one view of the index: a
 * new reader (any change) forgets everything. At most {@value #QUESTIONS} questions are kept, 4 bytes per hit
 * each (400 kB for a question matching 100,000 services).
 */
final class DeepPages {

    /** Pages that start this deep or deeper are read from the sorted hits; shallower ones the usual way. */
    static final int MIN_OFFSET = 500;
    static final int QUESTIONS = 8;

    private record Key(Query query, Sort sort) {
    }

    /** Every hit of a question in order, and how many there are. */
    record Sorted(int[] docs, TotalHits totalHits) {
    }

    private Object view; // the cache key of the reader the kept hits belong to
    private final Map<Key, Sorted> kept = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Sorted> eldest) {
            return size() > QUESTIONS;
        }
    };

    /** Whether a page at {@code offset} is read from the sorted hits. */
    static boolean deep(int offset) {
        return offset >= MIN_OFFSET;
    }

    /** The documents of a page, in order, and the number of hits of the whole question. */
    record Page(int[] docs, TotalHits totalHits) {
    }

    /**
     * The page {@code [offset, offset + perPage)} of {@code query} in {@code sort} order, as the collector would
     * give it.
     */
    Page page(IndexSearcher searcher, Query query, Sort sort, int offset, int perPage) throws IOException {
        Sorted sorted = sorted(searcher, query, sort);
        int from = Math.min(offset, sorted.docs().length);
        int to = Math.min(offset + perPage, sorted.docs().length);
        return new Page(Arrays.copyOfRange(sorted.docs(), from, to), sorted.totalHits());
    }

    private Sorted sorted(IndexSearcher searcher, Query query, Sort sort) throws IOException {
        IndexReader reader = searcher.getIndexReader();
        IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
        Object view = helper == null ? null : helper.getKey(); // one per reader instance, so per view of the index
        Key key = new Key(query, sort);
        if (view != null) {
            synchronized (this) {
                if (view != this.view) {
                    kept.clear();
                    this.view = view;
                }
                Sorted known = kept.get(key);
                if (known != null) {
                    return known;
                }
            }
        }
        // sorted outside the lock: two threads may sort the same question once each, never wrongly
        TopDocs all = searcher.search(query, Math.max(1, reader.maxDoc()), sort, false);
        int[] docs = new int[all.scoreDocs.length];
        for (int i = 0; i < docs.length; i++) {
            docs[i] = all.scoreDocs[i].doc;
        }
        Sorted sorted = new Sorted(docs, all.totalHits);
        if (view != null) {
            synchronized (this) {
                if (view == this.view) {
                    kept.put(key, sorted);
                }
            }
        }
        return sorted;
    }
}
