package se.insatsnavet.hub.search;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Keeps the search index in line with the dataset. The services an import changed are marked as behind, then
 * indexed as the dataset has them now (present: added or replaced; absent: removed), always read back from the
 * dataset after the commit (a run of this node, of another hub node, a retry alike), so that every node indexes
 * the same items. If the index cannot be
 * written (disk full, read-only), they stay marked and {@link #catchUp()} tries again (the hub calls it every
 * few seconds and after each import) until it works; meanwhile searches answer from the last committed index
 * and {@code GET /health} says how many services the index is behind. Thread-safe.
 */
public final class IndexFollower {

    private static final Logger LOG = LoggerFactory.getLogger(IndexFollower.class);

    private final ServiceIndex index;
    private final Function<Collection<String>, Map<String, ObjectNode>> published;
    private final Set<String> behind = ConcurrentHashMap.newKeySet();
    private volatile String problem;

    /**
     * @param published the items of services (by id) as the dataset publishes them now, read together; a
     *                  service not published is absent from the map
     */
    public IndexFollower(ServiceIndex index, Function<Collection<String>, Map<String, ObjectNode>> published) {
        this.index = index;
        this.published = published;
    }

    /** Indexes the services of {@code serviceIds} (just committed to the dataset); returns whether the index is in line. */
    public synchronized boolean follow(Collection<String> serviceIds) {
        behind.addAll(serviceIds);
        return catchUp();
    }

    /** Indexes every service still behind; returns whether the index is now in line with the dataset. */
    public synchronized boolean catchUp() {
        if (behind.isEmpty()) {
            return true;
        }
        List<String> ids = List.copyOf(behind);
        try {
            List<ObjectNode> items = new ArrayList<>();
            List<String> gone = new ArrayList<>();
            Map<String, ObjectNode> now = published.apply(ids);
            for (String id : ids) {
                ObjectNode item = now.get(id);
                if (item != null) {
                    items.add(item);
                } else {
                    gone.add(id);
                }
            }
            index.update(items, gone);
            ids.forEach(behind::remove);
            if (problem != null) {
                LOG.info("The search index caught up with the dataset ({} services)", ids.size());
            }
            problem = null;
            return true;
        } catch (RuntimeException e) {
            String reason = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : String.valueOf(e.getMessage());
            if (!reason.equals(problem)) {
                LOG.error("The search index cannot be written; {} service(s) are behind the dataset and are indexed when it can: {}",
                        ids.size(), reason);
            }
            problem = reason;
            return false;
        }
    }

    /** How many services the index is behind the dataset. */
    public int behind() {
        return behind.size();
    }

    /** Why the index is behind, if it is. */
    public Optional<String> problem() {
        return behind.isEmpty() ? Optional.empty() : Optional.ofNullable(problem);
    }
}
