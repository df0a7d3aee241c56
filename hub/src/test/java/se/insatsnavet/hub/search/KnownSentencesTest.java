package se.insatsnavet.hub.search;

import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The sentence boundaries stored when a description is indexed answer the highlighter's questions exactly as
 * the JDK's sentence iterator does on the same text: first, last, next, previous, following and preceding from
 * every offset.
 */
class KnownSentencesTest {

    private static final List<String> TEXTS = List.of(
            "",
            "En mening utan punkt",
            "Stöd till arbete. Praktik i kommunen! Vad händer sen? Du får hjälp t.ex. med CV. Slut.",
            "Deltagaren provar på praktik inom kommunens verksamheter.  Två mellanslag.\nNy rad. Tolk kan ordnas vid behov.",
            "Målet är att deltagaren ska komma närmare arbete, studier eller egen försörjning. "
                    + "Insatsen finansieras av samordningsförbundet (SF) och dess medlemmar... Frågor? Ring 010-123 45 67. ");

    @Test
    void storedBoundariesAnswerAsTheJdkSentenceIteratorDoes() throws Exception {
        for (String text : TEXTS) {
            Map<String, int[]> known = new IdentityHashMap<>();
            known.put(text, decode(KnownSentences.encode(text)));
            BreakIterator jdk = BreakIterator.getSentenceInstance(Locale.ROOT);
            BreakIterator ours = new KnownSentences(known);
            jdk.setText(text);
            ours.setText(text);
            assertEquals(walk(jdk), walk(ours), text);
            for (int offset = 0; offset <= text.length(); offset++) {
                assertEquals(jdk.following(offset), ours.following(offset), "following " + offset + " in " + text);
                assertEquals(jdk.current(), ours.current(), "current after following " + offset);
                assertEquals(jdk.next(), ours.next(), "next after following " + offset);
                assertEquals(jdk.preceding(offset), ours.preceding(offset), "preceding " + offset + " in " + text);
                assertEquals(jdk.current(), ours.current(), "current after preceding " + offset);
                assertEquals(jdk.previous(), ours.previous(), "previous after preceding " + offset);
            }
        }
    }

    @Test
    void aTextWithoutStoredBoundariesIsIteratedByTheJdk() {
        String text = "Första meningen. Andra meningen.";
        BreakIterator jdk = BreakIterator.getSentenceInstance(Locale.ROOT);
        BreakIterator ours = new KnownSentences(Map.of());
        jdk.setText(text);
        ours.setText(text);
        assertEquals(walk(jdk), walk(ours));
        assertEquals(jdk.preceding(20), ours.preceding(20));
    }

    private static List<Integer> walk(BreakIterator it) {
        List<Integer> out = new ArrayList<>();
        for (int b = it.first(); b != BreakIterator.DONE; b = it.next()) {
            out.add(b);
        }
        out.add(-2);
        for (int b = it.last(); b != BreakIterator.DONE; b = it.previous()) {
            out.add(b);
        }
        return out;
    }

    private static int[] decode(BytesRef bytes) throws Exception {
        try (org.apache.lucene.store.ByteBuffersDirectory dir = new org.apache.lucene.store.ByteBuffersDirectory();
             org.apache.lucene.index.IndexWriter writer = new org.apache.lucene.index.IndexWriter(dir,
                     new org.apache.lucene.index.IndexWriterConfig())) {
            org.apache.lucene.document.Document doc = new org.apache.lucene.document.Document();
            doc.add(new org.apache.lucene.document.BinaryDocValuesField("sentences", bytes));
            writer.addDocument(doc);
            writer.commit();
            try (org.apache.lucene.index.DirectoryReader reader = org.apache.lucene.index.DirectoryReader.open(dir)) {
                return KnownSentences.read(reader, 0);
            }
        }
    }
}
