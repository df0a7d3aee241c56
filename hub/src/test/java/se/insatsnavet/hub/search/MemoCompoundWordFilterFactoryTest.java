package se.insatsnavet.hub.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.ClasspathResourceLoader;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The index analyser splits compounds exactly as Lucene's own compound-word filter, also for words it has met before. */
class MemoCompoundWordFilterFactoryTest {

    private static final String TEXT = """
            Arbetsträning och arbetsträning igen. Arbetsträningen ger stöd till arbetsgivare; arbetsgivaren och
            arbetsträning, studievägledning, studievägledningen, samhällsorientering och arbetsträningsplatser.
            Arbetsträning!""";

    private static Analyzer lucenes() throws Exception {
        return CustomAnalyzer.builder(new ClasspathResourceLoader(SwedishAnalysis.class))
                .withTokenizer("standard")
                .addTokenFilter("lowercase")
                .addTokenFilter("dictionaryCompoundWord", "dictionary", "compounds.txt", "minWordSize", "8",
                        "minSubwordSize", "4", "maxSubwordSize", "15", "onlyLongestMatch", "false")
                .addTokenFilter("scandinavianNormalization")
                .addTokenFilter("swedishLightStem")
                .build();
    }

    private static List<String> tokens(Analyzer analyzer, String text) throws Exception {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term + "@" + offset.startOffset() + "-" + offset.endOffset() + "+" + inc.getPositionIncrement());
            }
            ts.end();
        }
        return out;
    }

    @Test
    void theIndexAnalyserGivesLucenesCompoundTokensForNewAndRepeatedWords() throws Exception {
        Analyzer ours = SwedishAnalysis.index();
        Analyzer theirs = lucenes();
        List<String> expected = tokens(theirs, TEXT);
        assertTrue(expected.stream().anyMatch(t -> t.endsWith("+0")), "the text has split compounds: " + expected);
        // twice through the same (reused) token stream: the second time every long word is remembered
        assertEquals(expected, tokens(ours, TEXT));
        assertEquals(expected, tokens(ours, TEXT));
        assertEquals(tokens(theirs, "arbetsträning " + TEXT), tokens(ours, "arbetsträning " + TEXT));
    }
}
