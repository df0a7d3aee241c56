package se.insatsnavet.hub.search;

import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.Terms;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.PostingsOffsetStrategy;
import org.apache.lucene.search.uhighlight.UHComponents;

import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link PostingsOffsetStrategy} whose weight matches (the highlighter's
 * default) reuse one rewritten query and weight for every document of a segment: Lucene's own builds them
 * again for each document, which looks every query term up in the terms dictionary each time. The matches
 * are the same: the same query over the same reader, which reads any matched field's terms from the
 * highlighted field (as Lucene's does).
 */
final class PageOffsetStrategy extends PostingsOffsetStrategy {
    private final Map<LeafReader, Map.Entry<LeafReader, Weight>> weights = new IdentityHashMap<>();
    private final Map<LeafReader, ForwardMatches> forward = new IdentityHashMap<>();

    PageOffsetStrategy(UHComponents components) {
        super(components);
    }

    @Override
    protected void createOffsetsEnumsWeightMatcher(LeafReader leafReader, int docId,
            List<OffsetsEnum> results) throws IOException {
        Map.Entry<LeafReader, Weight> cached = weights.get(leafReader);
        if (cached == null) {
            LeafReader fieldsAsHighlighted = new FilterLeafReader(leafReader) {
                @Override
                public Terms terms(String field) throws IOException {
                    return super.terms(components.getFieldMatcher().test(field) ? components.getField() : field);
                }

                @Override
                public CacheHelper getCoreCacheHelper() {
                    return null;
                }

                @Override
                public CacheHelper getReaderCacheHelper() {
                    return null;
                }
            };
            IndexSearcher searcher = new IndexSearcher(fieldsAsHighlighted);
            searcher.setQueryCache(null);
            Query rewritten = searcher.rewrite(components.getQuery());
            Weight weight = rewritten.createWeight(searcher, ScoreMode.COMPLETE_NO_SCORES, 1f);
            cached = Map.entry(fieldsAsHighlighted, weight);
            weights.put(leafReader, cached);
            forward.put(leafReader, ForwardMatches.of(leafReader, components, rewritten));
        }
        ForwardMatches page = forward.get(leafReader);
        if (page != null) {
            MatchesIterator it = page.at(docId);
            if (it != null) {
                results.add(new OffsetsEnum.OfMatchesIteratorWithSubs(it));
            }
            return;
        }
        Matches matches = cached.getValue().matches(cached.getKey().getContext(), docId);
        if (matches == null) {
            return;
        }
        for (String field : matches) {
            if (components.getFieldMatcher().test(field)) {
                MatchesIterator it = matches.getMatches(field);
                if (it != null) {
                    results.add(new OffsetsEnum.OfMatchesIteratorWithSubs(it));
                }
            }
        }
    }
}
