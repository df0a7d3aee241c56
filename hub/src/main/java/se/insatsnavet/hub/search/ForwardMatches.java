package se.insatsnavet.hub.search;

import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.MatchesUtils;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.uhighlight.UHComponents;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The matches of a query made of terms, synonyms and disjunctions of them (what {@link ServiceQueries#wordsOnly} gives) in the
 * documents of one segment, as the query's weight would give them ({@code Weight.matches}: the same
 * iterators, combined in the same order, so the highlighter sees the same offsets in the same order), but
 * from one postings enum per term for the whole page, moved forward from document to document: the weight
 * looks each term up and opens its postings twice for every document.
 */
final class ForwardMatches {
    private final Node root;

    private ForwardMatches(Node root) {
        this.root = root;
    }

    /** For the terms and disjunctions of one field the highlighter accepts; null for any other query. */
    static ForwardMatches of(LeafReader reader, UHComponents components,
                             Query rewritten) throws IOException {
        Set<String> fields = new HashSet<>();
        if (!supported(rewritten, fields) || fields.size() != 1 || !components.getFieldMatcher().test(fields.iterator().next())) {
            return null;
        }
        Terms terms = reader.terms(components.getField());
        return new ForwardMatches(node(rewritten, terms));
    }

    private static boolean supported(Query query, Set<String> fields) {
        if (query instanceof TermQuery term) {
            fields.add(term.getTerm().field());
            return true;
        }
        if (query instanceof SynonymQuery synonyms) {
            fields.add(synonyms.getField());
            return true;
        }
        if (query instanceof BooleanQuery bool && bool.getMinimumNumberShouldMatch() == 0) {
            for (BooleanClause clause : bool.clauses()) {
                if (clause.getOccur() != Occur.SHOULD || !supported(clause.getQuery(), fields)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static Node node(Query query, Terms terms) throws IOException {
        if (query instanceof TermQuery term) {
            return leaf(term, term.getTerm(), terms);
        }
        if (query instanceof SynonymQuery synonyms) {
            // without scores a synonym query's weight is that of a disjunction of its terms' TermQuerys (in
            // its order): the matches are reported as those term queries', each term on its own
            List<Node> each = new ArrayList<>();
            for (Term term : synonyms.getTerms()) {
                each.add(leaf(new TermQuery(term), term, terms));
            }
            return new AnyOf(each);
        }
        List<Node> clauses = new ArrayList<>();
        for (BooleanClause clause : ((BooleanQuery) query).clauses()) {
            clauses.add(node(clause.getQuery(), terms));
        }
        return new AnyOf(clauses);
    }

    private static Node leaf(Query query, Term term, Terms terms) throws IOException {
        TermsEnum te = terms == null ? null : terms.iterator();
        return new Leaf(query, te != null && te.seekExact(term.bytes()) ? te : null);
    }

    /** The matches in document {@code doc} of the segment, null where none. */
    MatchesIterator at(int doc) throws IOException {
        return root.at(doc);
    }

    private interface Node {
        MatchesIterator at(int doc) throws IOException;
    }

    /** Any of the clauses: a disjunction of those that match, in the clauses' order (as {@code BooleanWeight}). */
    private record AnyOf(List<Node> clauses) implements Node {
        @Override
        public MatchesIterator at(int doc) throws IOException {
            List<MatchesIterator> matching = new ArrayList<>(clauses.size());
            for (Node clause : clauses) {
                MatchesIterator it = clause.at(doc);
                if (it != null) {
                    matching.add(it);
                }
            }
            return matching.isEmpty() ? null : MatchesUtils.disjunction(matching);
        }
    }

    /** One term: its positions and offsets in the document (as {@code TermQuery}'s matches give them). */
    private static final class Leaf implements Node {
        private final Query query;
        private final TermsEnum term; // null: not in this segment
        private PostingsEnum postings;
        private int served = -1;

        Leaf(Query query, TermsEnum term) {
            this.query = query;
            this.term = term;
        }

        @Override
        public MatchesIterator at(int doc) throws IOException {
            if (term == null) {
                return null;
            }
            if (postings == null || postings.docID() > doc || served == doc) {
                // the first document, or one not after the last (its positions are read): start again
                postings = term.postings(null, PostingsEnum.OFFSETS);
            }
            int at = postings.docID() < doc ? postings.advance(doc) : postings.docID();
            if (at != doc) {
                return null;
            }
            served = doc;
            return new TermMatches(query, postings);
        }
    }

    /** The positions of a term in the document its postings are on (as Lucene's {@code TermMatchesIterator}). */
    private static final class TermMatches implements MatchesIterator {
        private final Query query;
        private final PostingsEnum postings;
        private int left;
        private int position;

        TermMatches(Query query, PostingsEnum postings) throws IOException {
            this.query = query;
            this.postings = postings;
            this.left = postings.freq();
        }

        @Override
        public boolean next() throws IOException {
            if (left-- > 0) {
                position = postings.nextPosition();
                return true;
            }
            return false;
        }

        @Override
        public int startPosition() {
            return position;
        }

        @Override
        public int endPosition() {
            return position;
        }

        @Override
        public int startOffset() throws IOException {
            return postings.startOffset();
        }

        @Override
        public int endOffset() throws IOException {
            return postings.endOffset();
        }

        @Override
        public MatchesIterator getSubMatches() {
            return null;
        }

        @Override
        public Query getQuery() {
            return query;
        }
    }
}
