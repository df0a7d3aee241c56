package se.insatsnavet.hub.search;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.FieldComparator;
import org.apache.lucene.search.FieldComparatorSource;
import org.apache.lucene.search.LeafFieldComparator;
import org.apache.lucene.search.Pruning;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The order of a {@link SortedDocValues} field's terms (as {@code SortField.Type.STRING} sorts; a document
 * without the field first), comparing the term ordinals of hits in the same segment and reading a term only
 * when two hits are in different segments or a hit's value is asked for. Lucene's comparator copies the term
 * of every competitive hit, which under a relevance sort (many hits enter the queue) decompresses terms-dictionary
 * blocks per hit; the search index has one segment most of the time.
 */
final class OrdinalTermOrder extends FieldComparatorSource {

    @Override
    public FieldComparator<BytesRef> newComparator(String field, int numHits, Pruning pruning, boolean reversed) {
        return new Comparator(field, numHits);
    }

    private static final class Comparator extends FieldComparator<BytesRef> {
        private final String field;
        private final int[] ords;
        private final int[] leaves;
        private final List<SortedDocValues> values = new ArrayList<>();
        private BytesRef top;
        // the queue's bottom slot outlives the segment it was set in (the collector sets it only when it changes)
        private int bottom;

        Comparator(String field, int numHits) {
            this.field = field;
            this.ords = new int[numHits];
            this.leaves = new int[numHits];
        }

        @Override
        public int compare(int slot1, int slot2) {
            if (leaves[slot1] == leaves[slot2]) {
                return Integer.compare(ords[slot1], ords[slot2]);
            }
            return compareValues(value(slot1), value(slot2));
        }

        @Override
        public void setTopValue(BytesRef value) {
            top = value;
        }

        @Override
        public BytesRef value(int slot) {
            return term(leaves[slot], ords[slot]);
        }

        private BytesRef term(int leaf, int ord) {
            if (ord < 0) {
                return null;
            }
            try {
                return BytesRef.deepCopyOf(values.get(leaf).lookupOrd(ord));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public LeafFieldComparator getLeafComparator(LeafReaderContext context) throws IOException {
            SortedDocValues docValues = DocValues.getSorted(context.reader(), field);
            while (values.size() <= context.ord) {
                values.add(null);
            }
            values.set(context.ord, docValues);
            int leaf = context.ord;
            return new LeafFieldComparator() {

                private int ord(int doc) throws IOException {
                    return docValues.advanceExact(doc) ? docValues.ordValue() : -1;
                }

                @Override
                public void setBottom(int slot) {
                    bottom = slot;
                }

                @Override
                public int compareBottom(int doc) throws IOException {
                    int ord = ord(doc);
                    if (leaves[bottom] == leaf) {
                        return Integer.compare(ords[bottom], ord);
                    }
                    return compareValues(value(bottom), term(leaf, ord));
                }

                @Override
                public int compareTop(int doc) throws IOException {
                    return compareValues(top, term(leaf, ord(doc)));
                }

                @Override
                public void copy(int slot, int doc) throws IOException {
                    ords[slot] = ord(doc);
                    leaves[slot] = leaf;
                }

                @Override
                public void setScorer(Scorable scorer) {
                }
            };
        }
    }
}
