package se.insatsnavet.hub.search;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import se.insatsnavet.hub.guidance.Article;
import se.insatsnavet.hub.guidance.ArticleCatalog;
import se.insatsnavet.hub.http.Responses;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Full-text search of the published guidance articles, in an index of their own beside the services' (so the
 * services' index, its answers and its speed are untouched): the same Swedish analysis as the services
 * ({@link SwedishAnalysis}: light stemming, compounds split on the field's words, query-time synonyms) on the title
 * and on the text (standard and lättläst text, question and answer, the steps of a guide). Every word must occur
 * (its stems, parts or synonyms); a word in the title ranks higher. Counts per kind for the facet. Kept in step
 * by the article change listener; rebuilt at start when its size differs from the published articles, and by
 * {@code reindex}. Thread-safe; blocking.
 */
public final class ArticleIndex implements AutoCloseable {

    /** The kinds of article, as named in the API. */
    public static final List<String> KINDS = List.of("vagval", "story", "question", "situation-guide");
    private static final int SUMMARY_CHARS = 240;

    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Analyzer query = SwedishAnalysis.query();

    /** A page of hits (each an article's id, federation, localId, kind, title, summary), the total matching and the hits per kind. */
    public record Hits(List<ObjectNode> items, long total, Map<String, Long> kinds) {
    }

    private ArticleIndex(IndexWriter writer) throws IOException {
        this.writer = writer;
        this.searchers = new SearcherManager(writer, null);
    }

    /** Opens (or creates) the index in {@code dir}. */
    public static ArticleIndex open(Path dir) {
        try {
            Analyzer index = SwedishAnalysis.index();
            IndexWriterConfig config = new IndexWriterConfig(index);
            config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            IndexWriter writer = new IndexWriter(FSDirectory.open(dir), config);
            writer.commit();
            return new ArticleIndex(writer);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the article index in " + dir, e);
        }
    }

    /** How many articles are indexed. */
    public int size() {
        try {
            IndexSearcher s = searchers.acquire();
            try {
                return s.getIndexReader().numDocs();
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the whole index with the articles {@code source} hands over. */
    public synchronized void rebuild(Consumer<Consumer<Article>> source) {
        try {
            writer.deleteAll();
            source.accept(a -> {
                try {
                    writer.addDocument(document(a));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Indexes {@code articles} (added or replaced) and removes the articles of {@code deletedIds}. */
    public synchronized void update(Collection<Article> articles, Collection<String> deletedIds) {
        try {
            for (String id : deletedIds) {
                writer.deleteDocuments(new Term("id", id));
            }
            for (Article a : articles) {
                writer.updateDocument(new Term("id", a.id()), document(a));
            }
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the whole index with every article {@code catalog} publishes (read page by page). */
    public void rebuild(ArticleCatalog catalog) {
        rebuild(action -> {
            for (int offset = 0; ; offset += ArticleCatalog.MAX_LIMIT) {
                List<Article> page = catalog.find(ArticleCatalog.Filter.ALL, ArticleCatalog.MAX_LIMIT, offset);
                page.forEach(action);
                if (page.size() < ArticleCatalog.MAX_LIMIT) {
                    return;
                }
            }
        });
    }

    /** Indexes the articles of {@code articleIds} as {@code catalog} publishes them now (absent: removed). */
    public void follow(Collection<String> articleIds, ArticleCatalog catalog) {
        List<Article> present = new ArrayList<>();
        List<String> gone = new ArrayList<>();
        for (String id : articleIds) {
            catalog.byId(id).ifPresentOrElse(present::add, () -> gone.add(id));
        }
        update(present, gone);
    }

    private void commit() throws IOException {
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    /**
     * The articles having every word of {@code words} (none: every article, by title), of the {@code kinds} (empty:
     * any), best first, {@code limit} from {@code offset}; {@link Hits#kinds()} counts the hits per kind for the
     * words whatever the kinds asked for (a facet to switch by).
     */
    public Hits search(List<String> words, Collection<String> kinds, int offset, int limit) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                Query byWords = words(words);
                Map<String, Long> counts = new LinkedHashMap<>();
                for (String kind : KINDS) {
                    counts.put(kind, (long) searcher.count(and(byWords, new TermQuery(new Term("kind", kind)))));
                }
                Query query = kinds.isEmpty() ? byWords
                        : and(byWords, new TermInSetQuery("kind", kinds.stream().map(BytesRef::new).toList()));
                int wanted = Math.max(1, offset + limit);
                Sort sort = words.isEmpty() ? new Sort(new SortField("titleSort", SortField.Type.STRING))
                        : new Sort(SortField.FIELD_SCORE, new SortField("titleSort", SortField.Type.STRING));
                TopDocs top = searcher.search(query, wanted, sort);
                List<ObjectNode> items = new ArrayList<>();
                ScoreDoc[] docs = top.scoreDocs;
                for (int i = offset; i < docs.length && i < offset + limit; i++) {
                    Document d = searcher.storedFields().document(docs[i].doc);
                    items.add((ObjectNode) Responses.JSON.readTree(d.get("item")));
                }
                return new Hits(items, searcher.count(query), counts);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every word (with its stems, parts and synonyms) in the title or the text; a title match weighs more. */
    private Query words(List<String> words) {
        if (words.isEmpty()) {
            return new MatchAllDocsQuery();
        }
        QueryBuilder builder = new QueryBuilder(query);
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String word : words) {
            Query title = builder.createBooleanQuery("title", word);
            Query text = builder.createBooleanQuery("text", word);
            if (title == null && text == null) {
                continue; // a word the analysis drops entirely (punctuation)
            }
            BooleanQuery.Builder either = new BooleanQuery.Builder();
            if (title != null) {
                either.add(new BoostQuery(title, 3f), BooleanClause.Occur.SHOULD);
            }
            if (text != null) {
                either.add(text, BooleanClause.Occur.SHOULD);
            }
            all.add(either.build(), BooleanClause.Occur.MUST);
        }
        BooleanQuery built = all.build();
        return built.clauses().isEmpty() ? new MatchAllDocsQuery() : built;
    }

    private static Query and(Query a, Query b) {
        return new BooleanQuery.Builder().add(a, BooleanClause.Occur.MUST).add(b, BooleanClause.Occur.FILTER).build();
    }

    private static Document document(Article a) {
        Document d = new Document();
        d.add(new StringField("id", a.id(), Field.Store.NO));
        d.add(new StringField("kind", a.kind(), Field.Store.NO));
        d.add(new StringField("federation", a.federationId(), Field.Store.NO));
        d.add(new TextField("title", a.title(), Field.Store.NO));
        d.add(new SortedDocValuesField("titleSort", new BytesRef(a.title().toLowerCase(Locale.ROOT))));
        StringBuilder text = new StringBuilder();
        for (String part : new String[] {a.text(), a.easyText(), a.question(), a.answer()}) {
            if (part != null) {
                text.append(part).append('\n');
            }
        }
        a.steps().forEach(s -> text.append(s.title()).append('\n').append(s.text()).append('\n'));
        d.add(new TextField("text", text.toString(), Field.Store.NO));
        d.add(new StoredField("item", item(a).toString()));
        return d;
    }

    /** What a hit says of its article: enough for a list of results. */
    static ObjectNode item(Article a) {
        ObjectNode o = Responses.object();
        o.put("id", a.id()).put("federation", a.federationId()).put("localId", a.localId()).put("kind", a.kind())
                .put("title", a.title());
        String summary = a.text() != null ? a.text() : a.answer() != null ? a.answer() : a.easyText();
        if (summary == null && !a.steps().isEmpty()) {
            summary = a.steps().get(0).text();
        }
        if (summary != null) {
            String flat = summary.replaceAll("\\s+", " ").strip();
            o.put("summary", flat.length() <= SUMMARY_CHARS ? flat : flat.substring(0, SUMMARY_CHARS - 1).strip() + "…");
        }
        if (a.easyText() != null) {
            o.put("easyToRead", true);
        }
        return o;
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
