package se.insatsnavet.hub.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import se.insatsnavet.hub.services.ServiceFilter;
import se.insatsnavet.hub.services.StatusFilter;
import se.insatsnavet.schema.vocab.INSV;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

/**
 * The Lucene query of a {@link ServiceFilter}: its words in titles (boosted) or the text, with synonyms and
 * stems (the query analyser) and, for a word the index does not know, small typos; its filters as exact terms
 * (one value or any of several), the status filter, age and modification ranges as points; active services
 * ranked first among equal matches. Also the words alone, for the snippets. Thread-safe.
 */
final class ServiceQueries {

    private final Analyzer queryAnalyzer = SwedishAnalysis.query();
    /** The index analyser: a typo is looked for around the word's first token as the index holds it. */
    private final Analyzer indexAnalyzer;

    ServiceQueries(Analyzer indexAnalyzer) {
        this.indexAnalyzer = indexAnalyzer;
    }

    /** The query of {@code f} over the index {@code searcher} reads (a typo clause only for a word it does not know). */
    Query query(IndexSearcher searcher, ServiceFilter f) throws IOException {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        boolean any = false;
        IndexReader reader = searcher.getIndexReader();
        QueryBuilder words = new QueryBuilder(queryAnalyzer);
        for (String word : f.q()) {
            BooleanQuery.Builder w = new BooleanQuery.Builder();
            Query title = words.createBooleanQuery("title", word);
            Query text = words.createBooleanQuery("text", word);
            if (title == null && text == null) {
                continue;
            }
            if (title != null) {
                w.add(new BoostQuery(title, 3f), Occur.SHOULD);
            }
            if (text != null) {
                w.add(text, Occur.SHOULD);
            }
            // typos: only a word the index does not know (none of its terms, synonyms included, is in any
            // title or text) is looked for within one edit - building and running Levenshtein automata for
            // every word of every search cost more than the rest of a search. A known word's own stem gets the
            // weight the fuzzy clauses gave it (its distance-0 term), so the word itself still ranks above its synonyms.
            String stem = firstToken(word);
            if (stem != null && stem.length() >= 5) {
                if (known(reader, title) || known(reader, text)) {
                    w.add(new BoostQuery(new TermQuery(new Term("title", stem)), 0.9f), Occur.SHOULD);
                    w.add(new BoostQuery(new TermQuery(new Term("text", stem)), 0.3f), Occur.SHOULD);
                } else {
                    // one edit (a Levenshtein automaton of two edits is costly to build per query), the first two letters fixed
                    w.add(new BoostQuery(new FuzzyQuery(new Term("title", stem), 1, 2, 20, true), 0.9f), Occur.SHOULD);
                    w.add(new BoostQuery(new FuzzyQuery(new Term("text", stem), 1, 2, 20, true), 0.3f), Occur.SHOULD);
                }
            }
            b.add(w.build(), Occur.MUST);
            any = true;
        }
        if (!any) {
            b.add(new MatchAllDocsQuery(), Occur.MUST);
        }
        term(b, "municipality", f.municipality());
        term(b, "targetGroup", f.targetGroup());
        term(b, "federation", f.federation());
        ServiceFilter.More more = f.more();
        term(b, "county", more.county());
        term(b, "method", more.method());
        term(b, "providerType", more.providerType());
        status(b, more.status());
        term(b, "organisation", more.organisation());
        term(b, "language", more.language());
        term(b, "referral", more.referral());
        if (more.anyOf() != null) {
            term(b, "has", more.anyOf().equals(INSV.targetGroup.getURI()) ? "targetGroup" : "method");
        }
        if (more.age() != null) {
            b.add(ageRange("minAge", Integer.MIN_VALUE, more.age()), Occur.FILTER);
            b.add(ageRange("maxAge", more.age(), Integer.MAX_VALUE), Occur.FILTER);
        }
        if (more.modifiedAfter() != null) {
            b.add(LongPoint.newRangeQuery("modified", more.modifiedAfter().toEpochMilli() + 1, Long.MAX_VALUE), Occur.FILTER);
        }
        // active services first among equally good matches
        b.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term("status", "active"))), 0.5f), Occur.SHOULD);
        return b.build();
    }

    /** The words of a filter as exact (stemmed, with synonyms) text queries, for highlighting. */
    Query wordsOnly(ServiceFilter f) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        QueryBuilder words = new QueryBuilder(queryAnalyzer);
        for (String word : f.q()) {
            Query text = words.createBooleanQuery("text", word);
            if (text != null) {
                b.add(text, Occur.SHOULD);
            }
        }
        return b.build();
    }

    /**
     * The status filter ({@link StatusFilter}): by codes; or, for {@value StatusFilter#CURRENT}, leaving out the
     * few services that are not current (ended, paused, planned without a start within the coming days) - an
     * exclusion of sparse terms, so the default costs the search next to nothing.
     */
    private static void status(BooleanQuery.Builder b, String status) {
        if (StatusFilter.byCodes(status)) {
            term(b, "status", status);
            return;
        }
        if (!StatusFilter.CURRENT.equals(status)) {
            return;
        }
        long soon = StatusFilter.soon(LocalDate.now(ZoneOffset.UTC)).toEpochDay();
        Query plannedLater = new BooleanQuery.Builder()
                .add(new TermQuery(new Term("status", StatusFilter.PLANNED)), Occur.FILTER)
                .add(LongPoint.newRangeQuery("plannedStart", Long.MIN_VALUE, soon), Occur.MUST_NOT)
                .build();
        Query notCurrent = new BooleanQuery.Builder()
                .add(new TermQuery(new Term("status", StatusFilter.ENDED)), Occur.SHOULD)
                .add(new TermQuery(new Term("status", StatusFilter.PAUSED)), Occur.SHOULD)
                .add(plannedLater, Occur.SHOULD)
                .build();
        b.add(notCurrent, Occur.MUST_NOT);
    }

    /**
     * An age bound: most services match it, so Lucene checks it on the documents the other clauses match
     * (doc values) rather than collecting the whole range from the points, unless the range is the sparser.
     */
    private static Query ageRange(String field, int min, int max) {
        return new IndexOrDocValuesQuery(IntPoint.newRangeQuery(field, min, max), NumericDocValuesField.newSlowRangeQuery(field, min, max));
    }

    /** Whether any term of {@code query} is in the index. */
    private static boolean known(IndexReader reader, Query query) throws IOException {
        if (query == null) {
            return false;
        }
        Set<Term> terms = new HashSet<>();
        query.visit(QueryVisitor.termCollector(terms));
        for (Term term : terms) {
            if (reader.docFreq(term) > 0) {
                return true;
            }
        }
        return false;
    }

    /** A filter on a field: one value, or any of several separated by commas. */
    private static void term(BooleanQuery.Builder b, String field, String value) {
        if (value == null) {
            return;
        }
        if (value.indexOf(',') < 0) {
            b.add(new TermQuery(new Term(field, value)), Occur.FILTER);
            return;
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String v : value.split(",")) {
            any.add(new TermQuery(new Term(field, v.trim())), Occur.SHOULD);
        }
        b.add(any.setMinimumNumberShouldMatch(1).build(), Occur.FILTER);
    }

    private String firstToken(String word) throws IOException {
        try (TokenStream ts = indexAnalyzer.tokenStream("text", word)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            String first = ts.incrementToken() ? term.toString() : null;
            ts.end();
            return first;
        }
    }
}
