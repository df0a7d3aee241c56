package se.insatsnavet.hub.search;

import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A highlighter of the page's descriptions: their text from the items already read, not from stored fields. */
final class PageHighlighter extends UnifiedHighlighter {
    private final Map<Integer, String> descriptions;

    private final Map<String, int[]> sentences;

    PageHighlighter(UnifiedHighlighter.Builder builder, Map<Integer, String> descriptions, Map<String, int[]> sentences) {
        super(builder);
        this.descriptions = descriptions;
        this.sentences = sentences;
    }

    /** The sentences of the page's descriptions as found when they were indexed (see {@link KnownSentences}). */
    @Override
    protected BreakIterator getBreakIterator(String field) {
        return new KnownSentences(sentences);
    }

    @Override
    protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold)
            throws IOException {
        List<CharSequence[]> values = new ArrayList<>();
        for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docIter.nextDoc()) {
            CharSequence[] row = new CharSequence[fields.length];
            for (int f = 0; f < fields.length; f++) {
                row[f] = "description".equals(fields[f]) ? descriptions.getOrDefault(doc, "") : "";
            }
            values.add(row);
        }
        return values;
    }

    /** Offsets from the postings, with the query's weight built once a page, not once a document. */
    @Override
    protected FieldOffsetStrategy getOffsetStrategy(OffsetSource offsetSource,
            UHComponents components) {
        if (offsetSource != OffsetSource.POSTINGS) {
            return super.getOffsetStrategy(offsetSource, components);
        }
        return new PageOffsetStrategy(components);
    }
}
