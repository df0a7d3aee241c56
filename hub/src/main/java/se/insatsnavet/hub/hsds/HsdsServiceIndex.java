package se.insatsnavet.hub.hsds;

import se.insatsnavet.hub.services.ServiceCatalog;
import se.insatsnavet.schema.vocab.HubIris;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * HSDS service UUID → the hub's service id, built from the store on first use and again after the catalogue
 * changed ({@link #invalidate()}). Blocking: call from a worker.
 */
public final class HsdsServiceIndex {

    private final ServiceCatalog catalog;
    private final HubIris iris;
    private volatile Map<String, String> index;

    public HsdsServiceIndex(ServiceCatalog catalog, HubIris iris) {
        this.catalog = catalog;
        this.iris = iris;
    }

    /** Forgets the index; the next look-up rebuilds it. */
    public void invalidate() {
        index = null;
    }

    /** The service id of an HSDS UUID, if a published service has it. */
    public Optional<String> serviceId(String uuid) {
        Map<String, String> current = index;
        if (current == null) {
            current = new HashMap<>();
            for (String uri : catalog.allServiceUris()) {
                Map<String, String> target = current;
                iris.serviceIdOf(uri).ifPresent(id -> target.put(HsdsIds.of(uri), id));
            }
            index = current;
        }
        return Optional.ofNullable(current.get(uuid));
    }
}
