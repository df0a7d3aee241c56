package se.insatsnavet.hub.search;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * The services' items as the index holds them (their JSON as published, the binary doc value {@code json}):
 * those of a page's documents, every one (or a federation's) from one point-in-time view, and the description a
 * snippet is taken from, read from an item without building its tree.
 */
final class IndexedItems {

    /** Reads the items' JSON (where a tree is wanted) and parses a description out of one. */
    static final ObjectMapper MAPPER = new ObjectMapper();

    private IndexedItems() {
    }

    /** The items (JSON, UTF-8) of {@code docs}, in that order. */
    static List<byte[]> of(IndexReader reader, List<Integer> docs) throws IOException {
        Integer[] order = new Integer[docs.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(docs::get));
        byte[][] out = new byte[docs.size()][];
        List<LeafReaderContext> leaves = reader.leaves();
        int leaf = -1;
        BinaryDocValues values = null;
        for (int i : order) {
            int doc = docs.get(i);
            int at = ReaderUtil.subIndex(doc, leaves);
            if (at != leaf) {
                leaf = at;
                values = DocValues.getBinary(leaves.get(at).reader(), "json");
            }
            if (!values.advanceExact(doc - leaves.get(at).docBase)) {
                throw new IOException("Document " + doc + " of the search index has no item");
            }
            BytesRef json = values.binaryValue();
            out[i] = Arrays.copyOfRange(json.bytes, json.offset, json.offset + json.length);
        }
        return Arrays.asList(out);
    }

    /** Hands every item {@code searcher} reads (only those of {@code federation} unless null) to {@code action}. */
    static void forEach(IndexSearcher searcher, String federation, Consumer<String> action) throws IOException {
        IndexReader reader = searcher.getIndexReader();
        if (federation != null) {
            Query query = new TermQuery(new Term("federation", federation));
            List<Integer> docs = new ArrayList<>();
            for (ScoreDoc hit : searcher.search(query, Math.max(1, reader.numDocs())).scoreDocs) {
                docs.add(hit.doc);
            }
            docs.sort(null);
            for (byte[] json : of(reader, docs)) {
                action.accept(new String(json, StandardCharsets.UTF_8));
            }
            return;
        }
        for (LeafReaderContext leaf : reader.leaves()) {
            Bits live = leaf.reader().getLiveDocs();
            BinaryDocValues values = DocValues.getBinary(leaf.reader(), "json");
            for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
                if (live == null || live.get(doc)) {
                    action.accept(values.binaryValue().utf8ToString());
                }
            }
        }
    }

    /**
     * The description an item's snippet is taken from (Swedish, else the first language; as
     * {@link ServiceDocuments} indexes it), read from the item's JSON without building its tree.
     */
    static String description(byte[] item) throws IOException {
        try (JsonParser p = MAPPER.getFactory().createParser(item)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return "";
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (!"description".equals(name) || value != JsonToken.START_OBJECT) {
                    p.skipChildren();
                    continue;
                }
                String first = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String language = p.currentName();
                    JsonToken t = p.nextToken();
                    String text = t.isScalarValue() ? (t == JsonToken.VALUE_NULL ? "null" : p.getText()) : "";
                    p.skipChildren();
                    if ("sv".equals(language)) {
                        return text;
                    }
                    if (first == null) {
                        first = text;
                    }
                }
                return first == null ? "" : first;
            }
            return "";
        }
    }
}
