package se.insatsnavet.hub.search;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.Field;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrdinalTermOrderTest {

    @Test
    void ordersHitsAcrossSegmentsAsLucenesStringSortDoes() throws Exception {
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
             IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
            Random random = new Random(3);
            String[] words = {"arbete", "bo", "hälsa", "stöd", "studier", "ärende", "", "a"};
            for (int segment = 0; segment < 4; segment++) {
                for (int i = 0; i < 40; i++) {
                    Document d = new Document();
                    d.add(new StringField("id", segment + "-" + i, Field.Store.NO));
                    if (random.nextInt(10) > 0) { // some documents have no title
                        String title = words[random.nextInt(words.length)] + " " + words[random.nextInt(words.length)];
                        d.add(new SortedDocValuesField("sort_title", new BytesRef(title)));
                    }
                    writer.addDocument(d);
                }
                writer.commit();
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                assertTrue(reader.leaves().size() > 1, "several segments");
                IndexSearcher searcher = new IndexSearcher(reader);
                for (int n : new int[] {5, 17, 160}) {
                    ScoreDoc[] lucene = searcher.search(new MatchAllDocsQuery(), n,
                            new Sort(new SortField("sort_title", SortField.Type.STRING), SortField.FIELD_DOC)).scoreDocs;
                    ScoreDoc[] ours = searcher.search(new MatchAllDocsQuery(), n,
                            new Sort(new SortField("sort_title", new OrdinalTermOrder()), SortField.FIELD_DOC)).scoreDocs;
                    assertArrayEquals(Arrays.stream(lucene).mapToInt(h -> h.doc).toArray(),
                            Arrays.stream(ours).mapToInt(h -> h.doc).toArray(), "top " + n);
                }
            }
        }
    }
}
