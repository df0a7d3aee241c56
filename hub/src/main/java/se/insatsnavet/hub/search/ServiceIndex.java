package se.insatsnavet.hub.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.AlreadyClosedException;
import se.insatsnavet.hub.services.ServiceFilter;
import se.insatsnavet.schema.Vocabulary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The Lucene index of published services ({@code <data>/index/services}). One document per service
 * ({@link ServiceDocuments}): its id, titles (boosted), a text field (description, keywords, target groups,
 * methods, provider, contact), the filter fields and facet dimensions of {@link #DIMENSIONS}, ages as points, the
 * time of its last change, and its item (JSON as published) as a binary doc value. Writes are committed at once
 * (the index survives a restart) and visible to the next search; a quiet index is merged into one segment in the
 * background ({@link ServiceIndexWriter}). A search ({@link PageSearch}) builds its query
 * ({@link ServiceQueries}), orders ({@link Ranking}), counts facets ({@link FacetCounts}) and highlights
 * snippets ({@link Snippets}). Thread-safe.
 */
public final class ServiceIndex implements AutoCloseable {

    /** Facet dimensions, as named in the API. */
    public static final List<String> DIMENSIONS = FacetCounts.DIMENSIONS;

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
                    out.add((ObjectNode) IndexedItems.MAPPER.readTree(item));
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

    private final ServiceIndexWriter index;
    private final PageSearch pages;

    private ServiceIndex(Path dir, Vocabulary vocabulary, Function<JsonNode, String> organisationIri) throws IOException {
        Analyzer indexAnalyzer = new PerFieldAnalyzerWrapper(SwedishAnalysis.index());
        FacetCounts facets = new FacetCounts();
        ServiceQueries queries = new ServiceQueries(indexAnalyzer);
        this.index = new ServiceIndexWriter(dir, indexAnalyzer, new ServiceDocuments(vocabulary, organisationIri, facets.config()));
        this.pages = new PageSearch(queries, facets, new Snippets(indexAnalyzer, queries));
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
        return index.size();
    }

    /** Number of segments the searches read now (one once a quiet index has been merged). */
    public int segments() {
        return index.segments();
    }

    /**
     * Whether a background merge into one segment is running now (it rewrites the whole index, so it takes CPU
     * from searches while it runs; a benchmark of searches waits for it, see {@link #segments()}).
     */
    public boolean merging() {
        return index.merging();
    }

    /**
     * Counts the changes made visible to searches: a result computed when this was {@code g} may be reused
     * while it is still {@code g}.
     */
    public long generation() {
        return index.generation();
    }

    /** Whether the index was written with this version's document layout ({@link #FORMAT}). */
    public boolean currentFormat() {
        return index.currentFormat();
    }

    /** Adds or replaces services (items as {@code /api/services} gives them) and deletes those of {@code deletedIds}. */
    public void update(Collection<ObjectNode> items, Collection<String> deletedIds) {
        index.update(items, deletedIds);
    }

    /** Replaces the whole index with the services {@code source} hands over, one by one. */
    public void rebuild(Consumer<Consumer<ObjectNode>> source) {
        index.rebuild(source);
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
            SearcherManager manager = index.searchers();
            IndexSearcher searcher;
            try {
                searcher = manager.acquire();
            } catch (AlreadyClosedException replaced) {
                // a failed write replaced the manager just now (see ServiceIndexWriter's recovery)
                manager = index.searchers();
                searcher = manager.acquire();
            }
            try {
                return pages.run(searcher, filter, facets, snippets);
            } finally {
                manager.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Search failed", e);
        }
    }

    /**
     * Hands every indexed service's item (its JSON as published) to {@code action}, from one point-in-time
     * view of the index: a fast way to read the whole catalogue (duplicate detection). Blocking.
     */
    public void forEachStoredItem(Consumer<String> action) {
        forEachStoredItem(null, action);
    }

    /** Like {@link #forEachStoredItem(Consumer)}, only the services of one federation (null: all). */
    public void forEachStoredItem(String federation, Consumer<String> action) {
        try {
            SearcherManager searchers = index.searchers();
            IndexSearcher searcher = searchers.acquire();
            try {
                IndexedItems.forEach(searcher, federation, action);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the search index", e);
        }
    }

    @Override
    public void close() {
        index.close();
    }
}
