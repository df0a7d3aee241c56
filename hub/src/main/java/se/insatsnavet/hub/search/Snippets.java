package se.insatsnavet.hub.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import se.insatsnavet.hub.services.ServiceFilter;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The snippets of a page: the search's words (with their synonyms and stems) marked with {@code <mark>} in the
 * best passages of the descriptions of the page's services. The text comes from the page's items, the offsets
 * from the description's postings, the sentence boundaries from the index ({@link KnownSentences}); see
 * {@link PageHighlighter}. Thread-safe.
 */
final class Snippets {

    private static final PassageScorer PASSAGE_SCORER = new PassageScores();

    private final Analyzer indexAnalyzer;
    private final ServiceQueries queries;

    Snippets(Analyzer indexAnalyzer, ServiceQueries queries) {
        this.indexAnalyzer = indexAnalyzer;
        this.queries = queries;
    }

    /**
     * The snippets of the page's documents {@code pageDocs} (whose items are {@code items}, in the same order):
     * one per document, null where a description has none.
     */
    List<String> of(IndexSearcher searcher, ServiceFilter filter, TotalHits totalHits, List<Integer> pageDocs,
                    List<byte[]> items) throws IOException {
        Map<Integer, String> descriptions = new HashMap<>();
        Map<String, int[]> sentences = new IdentityHashMap<>();
        for (int i = 0; i < pageDocs.size(); i++) {
            String description = IndexedItems.description(items.get(i));
            descriptions.put(pageDocs.get(i), description);
            int[] breaks = KnownSentences.read(searcher.getIndexReader(), pageDocs.get(i));
            if (breaks != null) {
                sentences.put(description, breaks);
            }
        }
        UnifiedHighlighter highlighter = new PageHighlighter(UnifiedHighlighter.builder(searcher, indexAnalyzer)
                .withFieldMatcher(name -> true).withMaxLength(10_000).withScorer(PASSAGE_SCORER)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "… ", true)),
                descriptions, sentences);
        // highlight the words (and their synonyms and stems) only: fuzzy clauses would make the
        // highlighter build and run Levenshtein automata over every snippet; the offsets come from
        // the description's postings, the text from the page's items
        String[] highlighted = highlighter.highlight("description", queries.wordsOnly(filter), new TopDocs(totalHits,
                pageDocs.stream().map(doc -> new ScoreDoc(doc, 0)).toArray(ScoreDoc[]::new)));
        return Arrays.asList(highlighted);
    }
}
