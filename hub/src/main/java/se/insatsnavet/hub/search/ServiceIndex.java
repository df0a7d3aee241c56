package se.insatsnavet.hub.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CachingTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.LongValues;
import org.apache.lucene.util.QueryBuilder;
import se.insatsnavet.hub.services.ServiceFilter;
import se.insatsnavet.hub.services.StatusFilter;
import se.insatsnavet.schema.Vocabulary;
import se.insatsnavet.schema.vocab.HubIris;
import se.insatsnavet.schema.vocab.INSV;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The Lucene index of published services ({@code <data>/index/services}). One document per service: its id,
 * titles (boosted), a text field (description, keywords, target groups, methods, provider, contact), the
 * filter fields and facet dimensions of {@link #DIMENSIONS}, ages as points, the time of its last change, and
 * its item (JSON as published) as a binary doc value. Writes are committed at once (the index survives a
 * restart) and visible to the next search; a quiet index is merged into one segment in the background.
 * Thread-safe.
 */
public final class ServiceIndex implements AutoCloseable {

    /** Facet dimensions, as named in the API. */
    public static final List<String> DIMENSIONS = List.of("municipality", "county", "federation", "targetGroup", "method",
            "providerType", "language", "status", "referral");
    private static final Set<String> MULTI_VALUED = Set.of("municipality", "county", "targetGroup", "method", "language",
            "referral");
    private static final int OPEN_MIN = 0;
    private static final int OPEN_MAX = 999;

    /**
     * What a search found: the items of one page (their JSON as published, UTF-8, straight from the index),
     * the total, facet counts (value → count per dimension) and the page's snippets (in the items' order, null
     * where a description has none; empty when none were asked for).
     */
    public record Hits(List<byte[]> json, long total, Map<String, Map<String, Long>> facets, List<String> snippets) {

        /** The page's items parsed (for callers that need the tree; the search itself never parses them). */
        public List<ObjectNode> items() {
            List<ObjectNode> out = new ArrayList<>(json.size());
            try {
                for (byte[] item : json) {
                    out.add((ObjectNode) ITEMS.readTree(item));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("An item of the search index is not JSON", e);
            }
            return out;
        }
    }

    /**
     * Version of the documents' layout; an index written with another is rebuilt at start. 3: nothing stored,
     * the item's JSON is a binary doc value ({@code json}), the description is indexed with offsets (snippets
     * read them from the postings instead of re-analysing the text). 4: the age bounds also as doc values, the
     * description's sentence boundaries as a doc value ({@code sentences}, see {@link KnownSentences}). 5: a
     * planned service's start date as a point ({@code plannedStart}, epoch day) for the default status filter.
     */
    public static final String FORMAT = "5";
    private static final ObjectMapper ITEMS = new ObjectMapper();
    /** The description: positions and offsets in the postings, for the highlighter; not stored (the item has it). */
    private static final FieldType DESCRIPTION = description();

    private final Directory directory;
    private volatile IndexWriter writer;
    private volatile SearcherManager searchers;
    private final FacetsConfig facetsConfig = new FacetsConfig();
    private final Analyzer queryAnalyzer = SwedishAnalysis.query();
    private final Analyzer indexAnalyzer;
    /**
     * The index analyser again, for the description analysed once for two fields ({@link #document}): its own
     * instance, since an analyser reuses one token stream per thread, which the writer's analysis of the other
     * fields would reset before the description's is read.
     */
    private final Analyzer descriptionAnalyzer = SwedishAnalysis.index();
    private final Vocabulary vocabulary;
    private final Function<JsonNode, String> organisationIri;
    private volatile FacetState facetState;
    private final DeepPages deepPages = new DeepPages();
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

    /** Per reader: the facet ordinals' state, the map of segment to global ordinals (null: one segment), each ordinal's value. */
    /** How long the index must be left unwritten before it is merged into one segment. */
    static final long QUIET_MILLIS = 5_000;
    /** The least time from one background merge to the next. */
    static final long MERGE_INTERVAL_MILLIS = 60_000;
    private volatile long lastMerge;
    private volatile boolean merging;
    private final java.util.concurrent.ScheduledThreadPoolExecutor merger = merger();

    private static java.util.concurrent.ScheduledThreadPoolExecutor merger() {
        java.util.concurrent.ScheduledThreadPoolExecutor pool = new java.util.concurrent.ScheduledThreadPoolExecutor(1, task -> {
            Thread t = new Thread(task, "search-index-merge");
            t.setDaemon(true);
            return t;
        });
        pool.setRemoveOnCancelPolicy(true);
        pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return pool;
    }

    private record FacetState(DirectoryReader reader, SortedSetDocValuesReaderState state, OrdinalMap ordinals, String[] labels) {
    }

    private ServiceIndex(Path dir, Vocabulary vocabulary, Function<JsonNode, String> organisationIri) throws IOException {
        this.vocabulary = vocabulary;
        this.organisationIri = organisationIri;
        this.directory = FSDirectory.open(Files.createDirectories(dir));
        this.indexAnalyzer = new PerFieldAnalyzerWrapper(SwedishAnalysis.index());
        this.writer = newWriter();
        this.searchers = new SearcherManager(writer, null);
        for (String dim : MULTI_VALUED) {
            facetsConfig.setMultiValued(dim, true);
        }
        mergeWhenQuiet();
    }

    private IndexWriter newWriter() throws IOException {
        return new IndexWriter(directory, new IndexWriterConfig(indexAnalyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
    }

    /**
     * Opens (or creates) the index in {@code dir}.
     *
     * @param organisationIri the IRI of a canonical provider (as the RDF conversion names it)
     */
    public static ServiceIndex open(Path dir, Vocabulary vocabulary, Function<JsonNode, String> organisationIri) {
        try {
            return new ServiceIndex(dir, vocabulary, organisationIri);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the search index in " + dir, e);
        }
    }

    /** Number of services in the index. */
    public int size() {
        return writer.getDocStats().numDocs;
    }

    /** Number of segments the searches read now (one once a quiet index has been merged). */
    public int segments() {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return searcher.getIndexReader().leaves().size();
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the search index", e);
        }
    }

    /**
     * Whether a background merge into one segment is running now (it rewrites the whole index, so it takes CPU
     * from searches while it runs; a benchmark of searches waits for it, see {@link #segments()}).
     */
    public boolean merging() {
        return merging;
    }

    /**
     * Counts the changes made visible to searches: a result computed when this was {@code g} may be reused
     * while it is still {@code g}.
     */
    public long generation() {
        return generation.get();
    }

    /** Whether the index was written with this version's document layout ({@link #FORMAT}). */
    public boolean currentFormat() {
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            return FORMAT.equals(reader.getIndexCommit().getUserData().get("format"));
        } catch (IOException e) {
            return false;
        }
    }

    /** Adds or replaces services (items as {@code /api/services} gives them) and deletes those of {@code deletedIds}. */
    public synchronized void update(Collection<ObjectNode> items, Collection<String> deletedIds) {
        try {
            for (String id : deletedIds) {
                writer.deleteDocuments(new Term("id", id));
            }
            for (ObjectNode item : items) {
                writer.updateDocument(new Term("id", item.path("id").asText()), facetsConfig.build(document(item)));
            }
            writer.commit();
            searchers.maybeRefreshBlocking();
            generation.incrementAndGet();
            mergeWhenQuiet();
        } catch (IOException | RuntimeException e) {
            discardUncommitted();
            throw new UncheckedIOException("Cannot update the search index", e instanceof IOException io ? io : new IOException(e));
        }
    }

    /**
     * Each write adds segments, and a search does part of its work once per segment (term look-ups, scorer,
     * sort and doc-value set-up): once no write has come for {@link #QUIET_MILLIS}, the index is merged into one
     * segment in the background (committed, then searched), at most once every {@link #MERGE_INTERVAL_MILLIS}
     * (a merge rewrites the whole index). A merge changes no result.
     */
    private void mergeWhenQuiet() {
        long at = generation.get();
        long delay = Math.max(QUIET_MILLIS, lastMerge + MERGE_INTERVAL_MILLIS - System.currentTimeMillis());
        try {
            merger.schedule(() -> mergeIfStill(at), delay, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // closing
        }
    }

    private void mergeIfStill(long at) {
        IndexWriter w = writer;
        try {
            if (generation.get() != at || !w.isOpen()) {
                return;
            }
            if (segments() <= 1) {
                return;
            }
            merging = true;
            w.forceMerge(1); // writes may go on meanwhile; the merge runs outside the lock
            lastMerge = System.currentTimeMillis();
            synchronized (this) {
                if (w == writer && w.isOpen()) {
                    w.commit();
                    searchers.maybeRefreshBlocking();
                }
            }
        } catch (IOException | RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(ServiceIndex.class).debug("Search index not merged: {}", e.toString());
        } finally {
            merging = false;
        }
    }

    /**
     * After a failed write (disk full, read-only): drops what was not committed and opens a fresh writer on the
     * last commit, so that searches keep answering from the last committed state and later writes can work.
     * If even that fails, searches still answer from the reader they have; the next write tries again.
     */
    private void discardUncommitted() {
        IndexWriter broken = writer;
        try {
            broken.rollback(); // closes it; the last commit stays as it was
        } catch (IOException | RuntimeException ignored) {
            // already closed by the failure (a "tragic" event): nothing to roll back
        }
        try {
            IndexWriter fresh = newWriter();
            SearcherManager old = searchers;
            writer = fresh;
            searchers = new SearcherManager(fresh, null);
            old.close();
        } catch (IOException | RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(ServiceIndex.class).warn("Cannot reopen the search index yet: {}", e.toString());
        }
    }

    /** Replaces the whole index with the services {@code source} hands over, one by one. */
    public synchronized void rebuild(java.util.function.Consumer<java.util.function.Consumer<ObjectNode>> source) {
        try {
            writer.deleteAll();
            source.accept(item -> {
                try {
                    writer.addDocument(facetsConfig.build(document(item)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            // one segment: a search's per-segment work (term look-ups, doc-value and sort set-up) is done once
            writer.forceMerge(1);
            writer.setLiveCommitData(Map.of("format", FORMAT).entrySet());
            writer.commit();
            searchers.maybeRefreshBlocking();
            generation.incrementAndGet();
        } catch (IOException | RuntimeException e) {
            discardUncommitted();
            throw new UncheckedIOException("Cannot rebuild the search index", e instanceof IOException io ? io : new IOException(e));
        }
    }

    private Document document(ObjectNode s) {
        Document d = new Document();
        d.add(new StringField("id", s.path("id").asText(), Field.Store.NO));
        // doc values, not a stored field: a page's items are read without decompressing stored-field blocks
        d.add(new BinaryDocValuesField("json", new BytesRef(s.toString())));
        String federation = s.path("federation").asText();
        keyword(d, "federation", federation);
        StringBuilder titles = new StringBuilder();
        s.path("title").forEach(t -> titles.append(t.asText()).append('\n'));
        d.add(new TextField("title", titles.toString(), Field.Store.NO));
        String sortTitle = text(s.path("title")).toLowerCase(Locale.ROOT);
        d.add(new SortedDocValuesField("sort_title", new org.apache.lucene.util.BytesRef(sortTitle)));
        // the description shown (Swedish, else the first) is analysed once: its tokens, cached, make the
        // description field and the text field's part for it (a field given in several parts is indexed as their
        // concatenation: the same terms, positions and length as one string of the parts joined by newlines)
        JsonNode descriptions = s.path("description");
        String shown = descriptions.has("sv") ? "sv" : null;
        var names = descriptions.fieldNames();
        if (shown == null && names.hasNext()) {
            shown = names.next();
        }
        String description = shown == null ? "" : descriptions.path(shown).asText();
        CachingTokenFilter shownTokens = new CachingTokenFilter(descriptionAnalyzer.tokenStream("description", description));
        d.add(new Field("description", shownTokens, DESCRIPTION));
        d.add(new BinaryDocValuesField("sentences", KnownSentences.encode(description)));
        StringBuilder more = new StringBuilder();
        for (var it = descriptions.fields(); it.hasNext(); ) {
            var e = it.next();
            if (e.getKey().equals(shown)) {
                if (!more.isEmpty()) {
                    d.add(new TextField("text", more.toString(), Field.Store.NO));
                    more.setLength(0);
                }
                d.add(new Field("text", shownTokens, TextField.TYPE_NOT_STORED));
            } else {
                more.append(e.getValue().asText()).append('\n');
            }
        }
        s.path("keywords").forEach(k -> more.append(k.asText()).append('\n'));
        s.path("provider").path("name").forEach(n -> more.append(n.asText()).append('\n'));
        more.append(s.path("contact").path("name").asText("")).append('\n');
        for (String tg : codes(s.path("targetGroups"))) {
            keyword(d, "targetGroup", tg);
            more.append(vocabulary.prefLabel(Vocabulary.TARGET_GROUP, tg, "sv").orElse(tg)).append('\n');
        }
        for (String m : codes(s.path("methods"))) {
            keyword(d, "method", m);
            more.append(vocabulary.prefLabel(Vocabulary.METHOD, m, "sv").orElse(m)).append('\n');
        }
        d.add(new TextField("text", more.toString(), Field.Store.NO));
        if (s.path("targetGroups").size() > 0) {
            d.add(new StringField("has", "targetGroup", Field.Store.NO));
        }
        if (s.path("methods").size() > 0) {
            d.add(new StringField("has", "method", Field.Store.NO));
        }
        Set<String> counties = new TreeSet<>();
        for (String m : codes(s.path("municipalities"))) {
            keyword(d, "municipality", m);
            counties.add(HubIris.countyCodeOfMunicipality(m));
        }
        counties.addAll(codes(s.path("regions")));
        counties.forEach(c -> keyword(d, "county", c));
        if (s.path("provider").hasNonNull("type")) {
            keyword(d, "providerType", s.path("provider").path("type").asText());
        }
        if (s.path("provider").isObject()) {
            d.add(new StringField("organisation", organisationIri.apply(s.path("provider")), Field.Store.NO));
        }
        codes(s.path("languages")).forEach(l -> keyword(d, "language", l));
        String status = StatusFilter.status(s);
        keyword(d, "status", status);
        if (StatusFilter.PLANNED.equals(status)) {
            StatusFilter.start(s).ifPresent(start -> d.add(new LongPoint("plannedStart", start.toEpochDay())));
        }
        JsonNode admission = s.path("admission");
        if (admission.path("referralRequired").asBoolean(false)) {
            keyword(d, "referral", "required");
        }
        if (admission.path("selfReferral").asBoolean(false) || admission.path("referralRequired").isBoolean()
                && !admission.path("referralRequired").asBoolean()) {
            keyword(d, "referral", "self");
        }
        // points and doc values: a search by age checks the ages of the few documents its other clauses match
        // (doc values) instead of collecting every document of the range (points), when that is cheaper
        int minAge = s.path("ageRange").path("min").asInt(OPEN_MIN);
        int maxAge = s.path("ageRange").path("max").asInt(OPEN_MAX);
        d.add(new IntPoint("minAge", minAge));
        d.add(new NumericDocValuesField("minAge", minAge));
        d.add(new IntPoint("maxAge", maxAge));
        d.add(new NumericDocValuesField("maxAge", maxAge));
        if (s.hasNonNull("modified")) {
            d.add(new LongPoint("modified", Instant.parse(s.path("modified").asText()).toEpochMilli()));
        }
        return d;
    }

    private static FieldType description() {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    private static void keyword(Document d, String field, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        d.add(new StringField(field, value, Field.Store.NO));
        d.add(new SortedSetDocValuesFacetField(field, value));
    }

    private static List<String> codes(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    private static String text(JsonNode languages) {
        if (languages.has("sv")) {
            return languages.path("sv").asText();
        }
        var it = languages.elements();
        return it.hasNext() ? it.next().asText() : "";
    }

    /**
     * The services matching {@code filter}: words found in titles (ranked first) or the text, with synonyms,
     * stems and small typos; active services ranked above others; without words, by title.
     *
     * @param facets     whether to count the facet dimensions
     * @param snippets   whether to highlight the words in the descriptions of the page's services
     */
    public Hits search(ServiceFilter filter, boolean facets, boolean snippets) {
        try {
            SearcherManager manager = searchers;
            IndexSearcher searcher;
            try {
                searcher = manager.acquire();
            } catch (org.apache.lucene.store.AlreadyClosedException replaced) {
                // a failed write replaced the manager just now (see discardUncommitted)
                manager = searchers;
                searcher = manager.acquire();
            }
            try {
                Query query = query(searcher, filter);
                int wanted = filter.offset() + filter.perPage();
                boolean byTitle = filter.q().isEmpty() || "title".equals(filter.more().sort());
                Sort sort = byTitle ? BY_TITLE : BY_RELEVANCE;
                TotalHits totalHits;
                Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
                List<Integer> pageDocs = new ArrayList<>();
                if (DeepPages.deep(filter.offset())) {
                    // a page deep in the answer: a slice of the question's hits, sorted once (see DeepPages)
                    DeepPages.Page page = deepPages.page(searcher, query, sort, filter.offset(), filter.perPage());
                    totalHits = page.totalHits();
                    for (int doc : page.docs()) {
                        pageDocs.add(doc);
                    }
                    if (facets) {
                        FacetsCollectorManager.FacetsResult result = FacetsCollectorManager.search(searcher, query, 1,
                                sort, false, new FacetsCollectorManager());
                        counts = count(searcher, result.facetsCollector());
                    }
                } else {
                    TopDocs top;
                    // one pass collects the page and the matching documents for the facet counts; the scores are
                    // the sort's own (no second scoring pass)
                    if (facets) {
                        FacetsCollectorManager.FacetsResult result = FacetsCollectorManager.search(searcher, query, Math.max(1, wanted),
                                sort, false, new FacetsCollectorManager());
                        top = result.topDocs();
                        counts = count(searcher, result.facetsCollector());
                    } else {
                        top = searcher.search(query, Math.max(1, wanted), sort, false);
                    }
                    totalHits = top.totalHits;
                    ScoreDoc[] docs = top.scoreDocs;
                    for (int i = filter.offset(); i < docs.length && i < wanted; i++) {
                        pageDocs.add(docs[i].doc);
                    }
                }
                List<byte[]> items = items(searcher.getIndexReader(), pageDocs);
                List<String> pageSnippets = List.of();
                if (snippets && !filter.q().isEmpty() && !pageDocs.isEmpty()) {
                    Map<Integer, String> descriptions = new java.util.HashMap<>();
                    Map<String, int[]> sentences = new java.util.IdentityHashMap<>();
                    for (int i = 0; i < pageDocs.size(); i++) {
                        String description = description(items.get(i));
                        descriptions.put(pageDocs.get(i), description);
                        int[] breaks = KnownSentences.read(searcher.getIndexReader(), pageDocs.get(i));
                        if (breaks != null) {
                            sentences.put(description, breaks);
                        }
                    }
                    UnifiedHighlighter highlighter = new PageHighlighter(UnifiedHighlighter.builder(searcher, indexAnalyzer)
                            .withFieldMatcher(name -> true).withMaxLength(10_000).withScorer(PASSAGE_SCORER)
                            .withFormatter(new org.apache.lucene.search.uhighlight.DefaultPassageFormatter("<mark>", "</mark>", "… ", true)),
                            descriptions, sentences);
                    // highlight the words (and their synonyms and stems) only: fuzzy clauses would make the
                    // highlighter build and run Levenshtein automata over every snippet; the offsets come from
                    // the description's postings, the text from the page's items
                    String[] highlighted = highlighter.highlight("description", wordsOnly(filter), new TopDocs(totalHits,
                            pageDocs.stream().map(doc -> new ScoreDoc(doc, 0)).toArray(ScoreDoc[]::new)));
                    pageSnippets = java.util.Arrays.asList(highlighted);
                }
                return new Hits(items, totalHits.value, counts, pageSnippets);
            } finally {
                manager.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Search failed", e);
        }
    }

    /** The items (JSON, UTF-8) of {@code docs}, in that order. */
    private static List<byte[]> items(IndexReader reader, List<Integer> docs) throws IOException {
        Integer[] order = new Integer[docs.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, java.util.Comparator.comparingInt(docs::get));
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
            out[i] = java.util.Arrays.copyOfRange(json.bytes, json.offset, json.offset + json.length);
        }
        return java.util.Arrays.asList(out);
    }

    /**
     * The description an item's snippet is taken from (Swedish, else the first language; as {@link #document}
     * indexes it), read from the item's JSON without building its tree.
     */
    static String description(byte[] item) throws IOException {
        try (com.fasterxml.jackson.core.JsonParser p = ITEMS.getFactory().createParser(item)) {
            if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                return "";
            }
            while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                String name = p.currentName();
                com.fasterxml.jackson.core.JsonToken value = p.nextToken();
                if (!"description".equals(name) || value != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                    p.skipChildren();
                    continue;
                }
                String first = null;
                while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                    String language = p.currentName();
                    com.fasterxml.jackson.core.JsonToken t = p.nextToken();
                    String text = t.isScalarValue() ? (t == com.fasterxml.jackson.core.JsonToken.VALUE_NULL ? "null" : p.getText()) : "";
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

    // the titles' order compares term ordinals (see OrdinalTermOrder), as SortField.Type.STRING orders them
    private static final Sort BY_TITLE = new Sort(new SortField("sort_title", new OrdinalTermOrder()), SortField.FIELD_DOC);
    private static final Sort BY_RELEVANCE = new Sort(SortField.FIELD_SCORE, new SortField("sort_title", new OrdinalTermOrder()));

    private static final org.apache.lucene.search.uhighlight.PassageScorer PASSAGE_SCORER = new PassageScores();

    /**
     * Lucene's default passage scoring (BM25-like, {@link org.apache.lucene.search.uhighlight.PassageScorer}'s
     * defaults), computed as Lucene computes it (the same terms in the same order, the same float and double
     * arithmetic) but with the passage's distinct terms found by comparing them: Lucene's builds a
     * {@link org.apache.lucene.util.BytesRefHash} for every candidate passage, which allocates a 32 KB block
     * each time (a sixth of the highlighter's work for a page of short descriptions).
     */
    private static final class PassageScores extends org.apache.lucene.search.uhighlight.PassageScorer {
        @Override
        public float score(org.apache.lucene.search.uhighlight.Passage passage, int contentLength) {
            int matches = passage.getNumMatches();
            BytesRef[] matchTerms = passage.getMatchTerms();
            int[] matchFreqsInDoc = passage.getMatchTermFreqsInDoc();
            BytesRef[] terms = new BytesRef[matches];
            int[] freqsInPassage = new int[matches];
            int[] freqsInDoc = new int[matches];
            int distinct = 0;
            for (int i = 0; i < matches; i++) {
                int id = 0;
                while (id < distinct && !terms[id].bytesEquals(matchTerms[i])) {
                    id++;
                }
                if (id == distinct) {
                    terms[distinct++] = matchTerms[i];
                    freqsInDoc[id] = matchFreqsInDoc[i];
                }
                freqsInPassage[id]++;
            }
            double score = 0;
            for (int id = 0; id < distinct; id++) {
                score += tf(freqsInPassage[id], passage.getLength()) * weight(contentLength, freqsInDoc[id]);
            }
            score *= norm(passage.getStartOffset());
            return (float) score;
        }
    }

    /** A highlighter of the page's descriptions: their text from the items already read, not from stored fields. */
    private static final class PageHighlighter extends UnifiedHighlighter {
        private final Map<Integer, String> descriptions;

        private final Map<String, int[]> sentences;

        PageHighlighter(UnifiedHighlighter.Builder builder, Map<Integer, String> descriptions, Map<String, int[]> sentences) {
            super(builder);
            this.descriptions = descriptions;
            this.sentences = sentences;
        }

        /** The sentences of the page's descriptions as found when they were indexed (see {@link KnownSentences}). */
        @Override
        protected java.text.BreakIterator getBreakIterator(String field) {
            return new KnownSentences(sentences);
        }

        @Override
        protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold)
                throws IOException {
            List<CharSequence[]> values = new ArrayList<>();
            for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docIter.nextDoc()) {
                CharSequence[] row = new CharSequence[fields.length];
                for (int f = 0; f < fields.length; f++) {
                    row[f] = "description".equals(fields[f]) ? descriptions.getOrDefault(doc, "") : "";
                }
                values.add(row);
            }
            return values;
        }

        /** Offsets from the postings, with the query's weight built once a page, not once a document. */
        @Override
        protected org.apache.lucene.search.uhighlight.FieldOffsetStrategy getOffsetStrategy(OffsetSource offsetSource,
                org.apache.lucene.search.uhighlight.UHComponents components) {
            if (offsetSource != OffsetSource.POSTINGS) {
                return super.getOffsetStrategy(offsetSource, components);
            }
            return new PageOffsetStrategy(components);
        }
    }

    /**
     * {@link org.apache.lucene.search.uhighlight.PostingsOffsetStrategy} whose weight matches (the highlighter's
     * default) reuse one rewritten query and weight for every document of a segment: Lucene's own builds them
     * again for each document, which looks every query term up in the terms dictionary each time. The matches
     * are the same: the same query over the same reader, which reads any matched field's terms from the
     * highlighted field (as Lucene's does).
     */
    private static final class PageOffsetStrategy extends org.apache.lucene.search.uhighlight.PostingsOffsetStrategy {
        private final Map<org.apache.lucene.index.LeafReader, Map.Entry<org.apache.lucene.index.LeafReader, org.apache.lucene.search.Weight>> weights =
                new java.util.IdentityHashMap<>();
        private final Map<org.apache.lucene.index.LeafReader, ForwardMatches> forward = new java.util.IdentityHashMap<>();

        PageOffsetStrategy(org.apache.lucene.search.uhighlight.UHComponents components) {
            super(components);
        }

        @Override
        protected void createOffsetsEnumsWeightMatcher(org.apache.lucene.index.LeafReader leafReader, int docId,
                List<org.apache.lucene.search.uhighlight.OffsetsEnum> results) throws IOException {
            Map.Entry<org.apache.lucene.index.LeafReader, org.apache.lucene.search.Weight> cached = weights.get(leafReader);
            if (cached == null) {
                org.apache.lucene.index.LeafReader fieldsAsHighlighted = new org.apache.lucene.index.FilterLeafReader(leafReader) {
                    @Override
                    public org.apache.lucene.index.Terms terms(String field) throws IOException {
                        return super.terms(components.getFieldMatcher().test(field) ? components.getField() : field);
                    }

                    @Override
                    public CacheHelper getCoreCacheHelper() {
                        return null;
                    }

                    @Override
                    public CacheHelper getReaderCacheHelper() {
                        return null;
                    }
                };
                IndexSearcher searcher = new IndexSearcher(fieldsAsHighlighted);
                searcher.setQueryCache(null);
                Query rewritten = searcher.rewrite(components.getQuery());
                org.apache.lucene.search.Weight weight = rewritten.createWeight(searcher, org.apache.lucene.search.ScoreMode.COMPLETE_NO_SCORES, 1f);
                cached = Map.entry(fieldsAsHighlighted, weight);
                weights.put(leafReader, cached);
                forward.put(leafReader, ForwardMatches.of(leafReader, components, rewritten));
            }
            ForwardMatches page = forward.get(leafReader);
            if (page != null) {
                org.apache.lucene.search.MatchesIterator it = page.at(docId);
                if (it != null) {
                    results.add(new org.apache.lucene.search.uhighlight.OffsetsEnum.OfMatchesIteratorWithSubs(it));
                }
                return;
            }
            org.apache.lucene.search.Matches matches = cached.getValue().matches(cached.getKey().getContext(), docId);
            if (matches == null) {
                return;
            }
            for (String field : matches) {
                if (components.getFieldMatcher().test(field)) {
                    org.apache.lucene.search.MatchesIterator it = matches.getMatches(field);
                    if (it != null) {
                        results.add(new org.apache.lucene.search.uhighlight.OffsetsEnum.OfMatchesIteratorWithSubs(it));
                    }
                }
            }
        }
    }


    /**
     * The sentence boundaries the highlighter's passages follow ({@code BreakIterator.getSentenceInstance(Locale.ROOT)},
     * the highlighter's default), found once when a description is indexed (doc value {@code sentences}) and read
     * for the page's descriptions, instead of found again around every match of every search: the JDK's
     * iterator scans the text character by character, backwards to a safe point and forwards again, for each
     * {@code preceding} and {@code following} (a sixth of a distinct search's work). A text whose boundaries
     * are not known (or not for its length) is iterated by the JDK's as before.
     */
    static final class KnownSentences extends java.text.BreakIterator {
        private final Map<String, int[]> known;
        private java.text.BreakIterator other;
        private String text = "";
        private int[] breaks = {0};
        private int at;

        KnownSentences(Map<String, int[]> known) {
            this.known = known;
        }

        /** The boundaries of {@code text}'s sentences after the first (0), as differences, each a variable-length int. */
        static BytesRef encode(String text) {
            java.text.BreakIterator sentences = java.text.BreakIterator.getSentenceInstance(Locale.ROOT);
            sentences.setText(text);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            int last = sentences.first();
            for (int b = sentences.next(); b != DONE; b = sentences.next()) {
                int delta = b - last;
                while ((delta & ~0x7F) != 0) {
                    out.write((delta & 0x7F) | 0x80);
                    delta >>>= 7;
                }
                out.write(delta);
                last = b;
            }
            return new BytesRef(out.toByteArray());
        }

        /** The boundaries stored for document {@code doc} (0 first), null if it has none. */
        static int[] read(IndexReader reader, int doc) throws IOException {
            List<LeafReaderContext> leaves = reader.leaves();
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
            BinaryDocValues values = DocValues.getBinary(leaf.reader(), "sentences");
            if (!values.advanceExact(doc - leaf.docBase)) {
                return null;
            }
            BytesRef bytes = values.binaryValue();
            int[] out = new int[bytes.length + 1];
            int n = 1;
            int last = 0;
            for (int i = bytes.offset, end = bytes.offset + bytes.length; i < end; ) {
                int delta = 0;
                for (int shift = 0; ; shift += 7) {
                    byte b = bytes.bytes[i++];
                    delta |= (b & 0x7F) << shift;
                    if (b >= 0) {
                        break;
                    }
                }
                last += delta;
                out[n++] = last;
            }
            return java.util.Arrays.copyOf(out, n);
        }

        @Override
        public void setText(String newText) {
            int[] b = known.get(newText);
            text = newText;
            if (b != null && b[b.length - 1] == newText.length()) {
                other = null;
                breaks = b;
                at = 0;
            } else {
                if (other == null) {
                    other = java.text.BreakIterator.getSentenceInstance(Locale.ROOT);
                }
                other.setText(newText);
            }
        }

        @Override
        public void setText(java.text.CharacterIterator newText) {
            StringBuilder chars = new StringBuilder();
            for (char c = newText.first(); c != java.text.CharacterIterator.DONE; c = newText.next()) {
                chars.append(c);
            }
            setText(chars.toString());
        }

        @Override
        public java.text.CharacterIterator getText() {
            return other != null ? other.getText() : new java.text.StringCharacterIterator(text, 0, text.length(), current());
        }

        @Override
        public int first() {
            if (other != null) {
                return other.first();
            }
            at = 0;
            return breaks[0];
        }

        @Override
        public int last() {
            if (other != null) {
                return other.last();
            }
            at = breaks.length - 1;
            return breaks[at];
        }

        @Override
        public int next(int n) {
            if (other != null) {
                return other.next(n);
            }
            int result = current();
            for (; n > 0 && result != DONE; n--) {
                result = next();
            }
            for (; n < 0 && result != DONE; n++) {
                result = previous();
            }
            return result;
        }

        @Override
        public int next() {
            if (other != null) {
                return other.next();
            }
            if (at >= breaks.length - 1) {
                return DONE;
            }
            return breaks[++at];
        }

        @Override
        public int previous() {
            if (other != null) {
                return other.previous();
            }
            if (at <= 0) {
                return DONE;
            }
            return breaks[--at];
        }

        @Override
        public int following(int offset) {
            if (other != null) {
                return other.following(offset);
            }
            check(offset);
            int i = java.util.Arrays.binarySearch(breaks, offset);
            i = i >= 0 ? i + 1 : -i - 1; // the first boundary after offset
            if (i >= breaks.length) {
                at = breaks.length - 1;
                return DONE;
            }
            at = i;
            return breaks[i];
        }

        @Override
        public int preceding(int offset) {
            if (other != null) {
                return other.preceding(offset);
            }
            check(offset);
            int i = java.util.Arrays.binarySearch(breaks, offset);
            i = (i >= 0 ? i : -i - 1) - 1; // the last boundary before offset
            if (i < 0) {
                at = 0;
                return DONE;
            }
            at = i;
            return breaks[i];
        }

        @Override
        public int current() {
            return other != null ? other.current() : breaks[at];
        }

        private void check(int offset) {
            if (offset < 0 || offset > text.length()) {
                throw new IllegalArgumentException("offset out of bounds");
            }
        }
    }

    /**
     * The matches of a query made of terms, synonyms and disjunctions of them (what {@link #wordsOnly} gives) in the
     * documents of one segment, as the query's weight would give them ({@code Weight.matches}: the same
     * iterators, combined in the same order, so the highlighter sees the same offsets in the same order), but
     * from one postings enum per term for the whole page, moved forward from document to document: the weight
     * looks each term up and opens its postings twice for every document.
     */
    private static final class ForwardMatches {
        private final Node root;

        private ForwardMatches(Node root) {
            this.root = root;
        }

        /** For the terms and disjunctions of one field the highlighter accepts; null for any other query. */
        static ForwardMatches of(org.apache.lucene.index.LeafReader reader, org.apache.lucene.search.uhighlight.UHComponents components,
                                 Query rewritten) throws IOException {
            Set<String> fields = new java.util.HashSet<>();
            if (!supported(rewritten, fields) || fields.size() != 1 || !components.getFieldMatcher().test(fields.iterator().next())) {
                return null;
            }
            org.apache.lucene.index.Terms terms = reader.terms(components.getField());
            return new ForwardMatches(node(rewritten, terms));
        }

        private static boolean supported(Query query, Set<String> fields) {
            if (query instanceof TermQuery term) {
                fields.add(term.getTerm().field());
                return true;
            }
            if (query instanceof org.apache.lucene.search.SynonymQuery synonyms) {
                fields.add(synonyms.getField());
                return true;
            }
            if (query instanceof BooleanQuery bool && bool.getMinimumNumberShouldMatch() == 0) {
                for (org.apache.lucene.search.BooleanClause clause : bool.clauses()) {
                    if (clause.getOccur() != Occur.SHOULD || !supported(clause.getQuery(), fields)) {
                        return false;
                    }
                }
                return true;
            }
            return false;
        }

        private static Node node(Query query, org.apache.lucene.index.Terms terms) throws IOException {
            if (query instanceof TermQuery term) {
                return leaf(term, term.getTerm(), terms);
            }
            if (query instanceof org.apache.lucene.search.SynonymQuery synonyms) {
                // without scores a synonym query's weight is that of a disjunction of its terms' TermQuerys (in
                // its order): the matches are reported as those term queries', each term on its own
                List<Node> each = new ArrayList<>();
                for (org.apache.lucene.index.Term term : synonyms.getTerms()) {
                    each.add(leaf(new TermQuery(term), term, terms));
                }
                return new AnyOf(each);
            }
            List<Node> clauses = new ArrayList<>();
            for (org.apache.lucene.search.BooleanClause clause : ((BooleanQuery) query).clauses()) {
                clauses.add(node(clause.getQuery(), terms));
            }
            return new AnyOf(clauses);
        }

        private static Node leaf(Query query, org.apache.lucene.index.Term term, org.apache.lucene.index.Terms terms) throws IOException {
            org.apache.lucene.index.TermsEnum te = terms == null ? null : terms.iterator();
            return new Leaf(query, te != null && te.seekExact(term.bytes()) ? te : null);
        }

        /** The matches in document {@code doc} of the segment, null where none. */
        org.apache.lucene.search.MatchesIterator at(int doc) throws IOException {
            return root.at(doc);
        }

        private interface Node {
            org.apache.lucene.search.MatchesIterator at(int doc) throws IOException;
        }

        /** Any of the clauses: a disjunction of those that match, in the clauses' order (as {@code BooleanWeight}). */
        private record AnyOf(List<Node> clauses) implements Node {
            @Override
            public org.apache.lucene.search.MatchesIterator at(int doc) throws IOException {
                List<org.apache.lucene.search.MatchesIterator> matching = new ArrayList<>(clauses.size());
                for (Node clause : clauses) {
                    org.apache.lucene.search.MatchesIterator it = clause.at(doc);
                    if (it != null) {
                        matching.add(it);
                    }
                }
                return matching.isEmpty() ? null : org.apache.lucene.search.MatchesUtils.disjunction(matching);
            }
        }

        /** One term: its positions and offsets in the document (as {@code TermQuery}'s matches give them). */
        private static final class Leaf implements Node {
            private final Query query;
            private final org.apache.lucene.index.TermsEnum term; // null: not in this segment
            private org.apache.lucene.index.PostingsEnum postings;
            private int served = -1;

            Leaf(Query query, org.apache.lucene.index.TermsEnum term) {
                this.query = query;
                this.term = term;
            }

            @Override
            public org.apache.lucene.search.MatchesIterator at(int doc) throws IOException {
                if (term == null) {
                    return null;
                }
                if (postings == null || postings.docID() > doc || served == doc) {
                    // the first document, or one not after the last (its positions are read): start again
                    postings = term.postings(null, org.apache.lucene.index.PostingsEnum.OFFSETS);
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
        private static final class TermMatches implements org.apache.lucene.search.MatchesIterator {
            private final Query query;
            private final org.apache.lucene.index.PostingsEnum postings;
            private int left;
            private int position;

            TermMatches(Query query, org.apache.lucene.index.PostingsEnum postings) throws IOException {
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
            public org.apache.lucene.search.MatchesIterator getSubMatches() {
                return null;
            }

            @Override
            public Query getQuery() {
                return query;
            }
        }
    }

    /**
     * The facet counts of the matching documents: every dimension's values with their counts, most frequent
     * first (then by value), at most 400 a dimension. The values' ordinals are counted in one pass over the
     * matches; their labels come from the reader's {@link FacetState}, not from the terms dictionary.
     */
    private Map<String, Map<String, Long>> count(IndexSearcher searcher, FacetsCollector collector) throws IOException {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        if (collector.getMatchingDocs().isEmpty() || searcher.getIndexReader().numDocs() == 0) {
            return counts;
        }
        FacetState facets = stateFor((DirectoryReader) searcher.getIndexReader());
        int[] perOrd = new int[facets.labels().length];
        for (FacetsCollector.MatchingDocs hits : collector.getMatchingDocs()) {
            if (hits.totalHits == 0) {
                continue;
            }
            SortedSetDocValues values = DocValues.getSortedSet(hits.context.reader(), facets.state().getField());
            LongValues global = facets.ordinals() == null ? LongValues.IDENTITY : facets.ordinals().getGlobalOrds(hits.context.ord);
            DocIdSetIterator docs = hits.bits.iterator();
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                if (values.advanceExact(doc)) {
                    for (int i = values.docValueCount(); i > 0; i--) {
                        perOrd[(int) global.get(values.nextOrd())]++;
                    }
                }
            }
        }
        for (String dim : DIMENSIONS) {
            Map<String, Long> values = new LinkedHashMap<>();
            SortedSetDocValuesReaderState.OrdRange range = facets.state().getOrdRange(dim);
            if (range != null) {
                List<Integer> found = new ArrayList<>();
                for (int ord = range.start; ord <= range.end; ord++) {
                    if (perOrd[ord] > 0) {
                        found.add(ord);
                    }
                }
                found.sort((x, y) -> perOrd[x] != perOrd[y] ? Integer.compare(perOrd[y], perOrd[x]) : Integer.compare(x, y));
                for (int ord : found.subList(0, Math.min(400, found.size()))) {
                    values.put(facets.labels()[ord], (long) perOrd[ord]);
                }
            }
            counts.put(dim, values);
        }
        return counts;
    }

    private FacetState stateFor(DirectoryReader reader) throws IOException {
        FacetState s = facetState;
        if (s == null || s.reader() != reader) {
            SortedSetDocValuesReaderState state = new DefaultSortedSetDocValuesReaderState(reader, facetsConfig);
            SortedSetDocValues all = state.getDocValues();
            String[] labels = new String[Math.toIntExact(all.getValueCount())];
            for (int ord = 0; ord < labels.length; ord++) {
                String[] path = FacetsConfig.stringToPath(all.lookupOrd(ord).utf8ToString());
                labels[ord] = path[path.length - 1];
            }
            OrdinalMap ordinals = all instanceof MultiDocValues.MultiSortedSetDocValues multi ? multi.mapping : null;
            s = new FacetState(reader, state, ordinals, labels);
            facetState = s;
        }
        return s;
    }

    private Query query(IndexSearcher searcher, ServiceFilter f) throws IOException {
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

    /** The words of a filter as exact (stemmed, with synonyms) text queries, for highlighting. */
    private Query wordsOnly(ServiceFilter f) {
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

    /** Whether any term of {@code query} is in the index. */
    private static boolean known(IndexReader reader, Query query) throws IOException {
        if (query == null) {
            return false;
        }
        Set<Term> terms = new java.util.HashSet<>();
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

    /**
     * Hands every indexed service's item (its JSON as published) to {@code action}, from one point-in-time
     * view of the index: a fast way to read the whole catalogue (duplicate detection). Blocking.
     */
    public void forEachStoredItem(java.util.function.Consumer<String> action) {
        forEachStoredItem(null, action);
    }

    /** Like {@link #forEachStoredItem(java.util.function.Consumer)}, only the services of one federation (null: all). */
    public void forEachStoredItem(String federation, java.util.function.Consumer<String> action) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                IndexReader reader = searcher.getIndexReader();
                if (federation != null) {
                    Query query = new TermQuery(new Term("federation", federation));
                    List<Integer> docs = new ArrayList<>();
                    for (ScoreDoc hit : searcher.search(query, Math.max(1, reader.numDocs())).scoreDocs) {
                        docs.add(hit.doc);
                    }
                    docs.sort(null);
                    for (byte[] json : items(reader, docs)) {
                        action.accept(new String(json, java.nio.charset.StandardCharsets.UTF_8));
                    }
                    return;
                }
                for (LeafReaderContext leaf : reader.leaves()) {
                    var live = leaf.reader().getLiveDocs();
                    BinaryDocValues values = DocValues.getBinary(leaf.reader(), "json");
                    for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
                        if (live == null || live.get(doc)) {
                            action.accept(values.binaryValue().utf8ToString());
                        }
                    }
                }
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the search index", e);
        }
    }

    @Override
    public void close() {
        merger.shutdown(); // waiting merges are dropped (interrupting Lucene's I/O could break the index)
        try {
            searchers.close();
            // every write is committed when it returns: rolling back loses nothing, and stops a background merge
            // under way at once instead of waiting for it (the merge is simply done again after the next start)
            writer.rollback();
            merger.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
            directory.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
