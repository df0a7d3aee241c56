package se.insatsnavet.hub.search;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.compound.CompoundWordTokenFilterBase;
import org.apache.lucene.analysis.compound.DictionaryCompoundWordTokenFilter;
import org.apache.lucene.util.ResourceLoader;
import org.apache.lucene.util.ResourceLoaderAware;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lucene's dictionary compound-word filter ({@code dictionaryCompoundWord}, same parameters, same tokens) that
 * remembers where each word it has split splits: the plain filter looks up every substring of every long word
 * in the dictionary again each time the word comes (a catalogue's descriptions repeat their words). The splits
 * are shared by the token streams of every thread (import threads each have their own), at most
 * {@link #MAX_WORDS} words, forgotten all at once when full. Only
 * {@code onlyLongestMatch=false} is remembered; with {@code true} the words are split as by Lucene's filter.
 */
public final class MemoCompoundWordFilterFactory extends TokenFilterFactory implements ResourceLoaderAware {

    /** Distinct words remembered (by all the analyser's token streams together) before they are all forgotten. */
    static final int MAX_WORDS = 50_000;

    private final String dictionaryFile;
    private final int minWordSize;
    private final int minSubwordSize;
    private final int maxSubwordSize;
    private final boolean onlyLongestMatch;
    private CharArraySet dictionary;
    /** Offsets and lengths of the dictionary words in each word met (see {@link Filter#split}). */
    private final Map<String, int[]> parts = new ConcurrentHashMap<>();

    public MemoCompoundWordFilterFactory(Map<String, String> args) {
        super(args);
        dictionaryFile = require(args, "dictionary");
        minWordSize = getInt(args, "minWordSize", CompoundWordTokenFilterBase.DEFAULT_MIN_WORD_SIZE);
        minSubwordSize = getInt(args, "minSubwordSize", CompoundWordTokenFilterBase.DEFAULT_MIN_SUBWORD_SIZE);
        maxSubwordSize = getInt(args, "maxSubwordSize", CompoundWordTokenFilterBase.DEFAULT_MAX_SUBWORD_SIZE);
        onlyLongestMatch = getBoolean(args, "onlyLongestMatch", true);
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("Unknown parameters: " + args);
        }
    }

    @Override
    public void inform(ResourceLoader loader) throws IOException {
        dictionary = getWordSet(loader, dictionaryFile, false);
    }

    @Override
    public TokenStream create(TokenStream input) {
        if (dictionary == null) {
            return input; // an empty dictionary, as Lucene's factory
        }
        return new Filter(input, dictionary, minWordSize, minSubwordSize, maxSubwordSize, onlyLongestMatch, parts);
    }

    private static final class Filter extends DictionaryCompoundWordTokenFilter {

        private final Map<String, int[]> parts;

        Filter(TokenStream input, CharArraySet dictionary, int minWordSize, int minSubwordSize, int maxSubwordSize,
               boolean onlyLongestMatch, Map<String, int[]> parts) {
            super(input, dictionary, minWordSize, minSubwordSize, maxSubwordSize, onlyLongestMatch);
            this.parts = parts;
        }

        @Override
        protected void decompose() {
            if (onlyLongestMatch) {
                super.decompose();
                return;
            }
            String word = termAtt.toString();
            int[] found = parts.get(word);
            if (found == null) {
                found = split();
                if (parts.size() >= MAX_WORDS) {
                    parts.clear();
                }
                parts.put(word, found);
            }
            for (int k = 0; k < found.length; k += 2) {
                tokens.add(new CompoundToken(found[k], found[k + 1]));
            }
        }

        /** Offset and length of every dictionary word in the term, in the order Lucene's filter emits them. */
        private int[] split() {
            int len = termAtt.length();
            char[] buffer = termAtt.buffer();
            int[] out = new int[8];
            int n = 0;
            for (int i = 0; i <= len - minSubwordSize; ++i) {
                for (int j = minSubwordSize; j <= maxSubwordSize; ++j) {
                    if (i + j > len) {
                        break;
                    }
                    if (dictionary.contains(buffer, i, j)) {
                        if (n + 2 > out.length) {
                            out = Arrays.copyOf(out, out.length * 2);
                        }
                        out[n++] = i;
                        out[n++] = j;
                    }
                }
            }
            return Arrays.copyOf(out, n);
        }
    }
}
