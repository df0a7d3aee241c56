package se.insatsnavet.hub.search;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The writing side of the services' index: its directory, writer and the searchers' manager; updates and
 * rebuilds, each committed at once (the index survives a restart) and visible to the next search; the
 * background merge of a quiet index into one segment; and the recovery after a failed write (the last commit
 * kept, a fresh writer opened on it). Writes are serialised on this object. Thread-safe.
 */
final class ServiceIndexWriter implements AutoCloseable {

    /** Under the facade's name, as the index logged before it was split. */
    private static final Logger LOG = LoggerFactory.getLogger(ServiceIndex.class);
    /** How long the index must be left unwritten before it is merged into one segment. */
    static final long QUIET_MILLIS = 5_000;
    /** The least time from one background merge to the next. */
    static final long MERGE_INTERVAL_MILLIS = 60_000;

    private final Directory directory;
    private final Analyzer indexAnalyzer;
    private final ServiceDocuments documents;
    private volatile IndexWriter writer;
    private volatile SearcherManager searchers;
    private final AtomicLong generation = new AtomicLong();
    private volatile long lastMerge;
    private volatile boolean merging;
    private final ScheduledThreadPoolExecutor merger = merger();

    ServiceIndexWriter(Path dir, Analyzer indexAnalyzer, ServiceDocuments documents) throws IOException {
        this.directory = FSDirectory.open(Files.createDirectories(dir));
        this.indexAnalyzer = indexAnalyzer;
        this.documents = documents;
        this.writer = newWriter();
        this.searchers = new SearcherManager(writer, null);
        mergeWhenQuiet();
    }

    private static ScheduledThreadPoolExecutor merger() {
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, task -> {
            Thread t = new Thread(task, "search-index-merge");
            t.setDaemon(true);
            return t;
        });
        pool.setRemoveOnCancelPolicy(true);
        pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return pool;
    }

    private IndexWriter newWriter() throws IOException {
        return new IndexWriter(directory, new IndexWriterConfig(indexAnalyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
    }

    /** The searchers' manager now (a failed write replaces it, see {@link #discardUncommitted()}). */
    SearcherManager searchers() {
        return searchers;
    }

    /** See {@link ServiceIndex#size()}. */
    int size() {
        return writer.getDocStats().numDocs;
    }

    /** See {@link ServiceIndex#segments()}. */
    int segments() {
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

    /** See {@link ServiceIndex#merging()}. */
    boolean merging() {
        return merging;
    }

    /** See {@link ServiceIndex#generation()}. */
    long generation() {
        return generation.get();
    }

    /** See {@link ServiceIndex#currentFormat()}. */
    boolean currentFormat() {
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            return ServiceIndex.FORMAT.equals(reader.getIndexCommit().getUserData().get("format"));
        } catch (IOException e) {
            return false;
        }
    }

    /** See {@link ServiceIndex#update}. */
    synchronized void update(Collection<ObjectNode> items, Collection<String> deletedIds) {
        try {
            for (String id : deletedIds) {
                writer.deleteDocuments(new Term("id", id));
            }
            for (ObjectNode item : items) {
                writer.updateDocument(new Term("id", item.path("id").asText()), documents.build(item));
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

    /** See {@link ServiceIndex#rebuild}. */
    synchronized void rebuild(Consumer<Consumer<ObjectNode>> source) {
        try {
            writer.deleteAll();
            source.accept(item -> {
                try {
                    writer.addDocument(documents.build(item));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            // one segment: a search's per-segment work (term look-ups, doc-value and sort set-up) is done once
            writer.forceMerge(1);
            writer.setLiveCommitData(Map.of("format", ServiceIndex.FORMAT).entrySet());
            writer.commit();
            searchers.maybeRefreshBlocking();
            generation.incrementAndGet();
        } catch (IOException | RuntimeException e) {
            discardUncommitted();
            throw new UncheckedIOException("Cannot rebuild the search index", e instanceof IOException io ? io : new IOException(e));
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
            merger.schedule(() -> mergeIfStill(at), delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
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
            LOG.debug("Search index not merged: {}", e.toString());
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
            LOG.warn("Cannot reopen the search index yet: {}", e.toString());
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
            merger.awaitTermination(1, TimeUnit.MINUTES);
            directory.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
