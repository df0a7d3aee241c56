package se.insatsnavet.hub.search;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeepPagesTest {

    private static final Sort BY_TITLE = new Sort(new SortField("sort_title", new OrdinalTermOrder()), SortField.FIELD_DOC);
    private static final Sort BY_RELEVANCE = new Sort(SortField.FIELD_SCORE, new SortField("sort_title", new OrdinalTermOrder()));
    private static final String[] WORDS = {"arbete", "bo", "hälsa", "stöd", "studier", "ärende", "a"};

    /** A searcher that counts the searches that sort every hit of a question. */
    private static final class CountingSearcher extends IndexSearcher {
        final AtomicInteger fullSorts = new AtomicInteger();

        CountingSearcher(IndexReader reader) {
            super(reader);
        }

        @Override
        public TopFieldDocs search(Query query, int n, Sort sort, boolean doDocScores) throws IOException {
            if (n >= getIndexReader().maxDoc()) {
                fullSorts.incrementAndGet();
            }
            return super.search(query, n, sort, doDocScores);
        }
    }

    @Test
    void deepPagesAreTheCollectorsPagesAndOneSortServesEveryPageOfAQuestion() throws Exception {
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
             IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
            add(writer, 1_600, new Random(5));
            DeepPages deepPages = new DeepPages();
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                assertTrue(reader.leaves().size() > 1, "several segments");
                CountingSearcher searcher = new CountingSearcher(reader);
                Query all = new MatchAllDocsQuery();
                Query word = new TermQuery(new Term("text", "stöd"));
                for (int offset = DeepPages.MIN_OFFSET; offset < 1_650; offset += 97) {
                    assertSamePage(searcher, deepPages, all, BY_TITLE, offset, 20);
                    assertSamePage(searcher, deepPages, word, BY_RELEVANCE, offset, 20);
                }
                assertEquals(2, searcher.fullSorts.get(), "each question sorted once for all its deep pages");
            }
            // a change: the next view of the index sorts again and answers with the new document
            add(writer, 3, new Random(6));
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                CountingSearcher searcher = new CountingSearcher(reader);
                assertSamePage(searcher, deepPages, new MatchAllDocsQuery(), BY_TITLE, 1_560, 20);
                assertEquals(1, searcher.fullSorts.get());
                assertEquals(1_603, deepPages.page(searcher, new MatchAllDocsQuery(), BY_TITLE, 1_560, 20).totalHits().value);
            }
        }
    }

    private static void assertSamePage(IndexSearcher searcher, DeepPages deepPages, Query query, Sort sort, int offset,
                                       int perPage) throws IOException {
        TopDocs top = searcher.search(query, offset + perPage, sort, false);
        int[] expected = Arrays.stream(top.scoreDocs).skip(offset).mapToInt(h -> h.doc).toArray();
        DeepPages.Page page = deepPages.page(searcher, query, sort, offset, perPage);
        assertArrayEquals(expected, page.docs(), query + " at " + offset);
        assertEquals(top.totalHits.value, page.totalHits().value, "total of " + query);
    }

    private static void add(IndexWriter writer, int n, Random random) throws IOException {
        for (int i = 0; i < n; i++) {
            Document d = new Document();
            String title = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)];
            d.add(new SortedDocValuesField("sort_title", new BytesRef(title))); // many equal titles: ties by document
            d.add(new TextField("text", title + " " + WORDS[random.nextInt(WORDS.length)], Field.Store.NO));
            d.add(new StringField("id", "d" + i, Field.Store.NO));
            writer.addDocument(d);
            if (i % 400 == 399) {
                writer.commit();
            }
        }
        writer.commit();
    }
}
