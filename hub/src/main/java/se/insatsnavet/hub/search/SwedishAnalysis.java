package se.insatsnavet.hub.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.util.ClasspathResourceLoader;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The analysers of the index. Both: standard tokenizer, lower case, Scandinavian normalisation (æ→ä, ø→ö,
 * aa→å: Danish and Norwegian spellings meet Swedish ones; å, ä and ö themselves are kept, since folding them
 * would merge words such as "får" and "far"), Swedish light stemming. The index analyser also splits
 * compounds on the field's own words ({@code compounds.txt}: "arbetsträning" is found by "träning"; Lucene's
 * filter, remembering each word's split: {@link MemoCompoundWordFilterFactory}); the
 * query analyser expands the field's synonyms ({@code synonyms.txt}: jobb/arbete, praktik/arbetsträning, …).
 */
final class SwedishAnalysis {

    private SwedishAnalysis() {
    }

    static Analyzer index() {
        try {
            return CustomAnalyzer.builder(new ClasspathResourceLoader(SwedishAnalysis.class))
                    .withTokenizer("standard")
                    .addTokenFilter("lowercase")
                    .addTokenFilter(MemoCompoundWordFilterFactory.class, "dictionary", "compounds.txt", "minWordSize", "8",
                            "minSubwordSize", "4", "maxSubwordSize", "15", "onlyLongestMatch", "false")
                    .addTokenFilter("scandinavianNormalization")
                    .addTokenFilter("swedishLightStem")
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Analyzer query() {
        try {
            return CustomAnalyzer.builder(new ClasspathResourceLoader(SwedishAnalysis.class))
                    .withTokenizer("standard")
                    .addTokenFilter("lowercase")
                    .addTokenFilter("synonymGraph", "synonyms", "synonyms.txt", "expand", "true", "ignoreCase", "true")
                    .addTokenFilter("scandinavianNormalization")
                    .addTokenFilter("swedishLightStem")
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
