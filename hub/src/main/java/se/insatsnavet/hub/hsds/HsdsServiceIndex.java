package se.insatsnavet.hub.hsds;

import se.insatsnavet.hub.services.ServiceCatalog;
import se.insatsnavet.hub.services.ServiceFilter;
import se.insatsnavet.schema.vocab.HubIris;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The reverse look-ups of HSDS UUIDs: service UUID → the hub's service id, organization UUID → organisation
 * IRI, service_at_location UUID → (service, municipality). Built from the store on first use and again after
 * the catalogue changed ({@link #invalidate()}). Blocking: call from a worker.
 */
public final class HsdsServiceIndex {

    private record Snapshot(Map<String, String> services, Map<String, String> organisations,
                            Map<String, ServiceCatalog.ServicePlace> places) {
    }

    private final ServiceCatalog catalog;
    private final HubIris iris;
    private volatile Snapshot snapshot;

    public HsdsServiceIndex(ServiceCatalog catalog, HubIris iris) {
        this.catalog = catalog;
        this.iris = iris;
    }

    /** Forgets the index; the next look-up rebuilds it. */
    public void invalidate() {
        snapshot = null;
    }

    /** The service id of an HSDS UUID, if a published service has it. */
    public Optional<String> serviceId(String uuid) {
        return Optional.ofNullable(current().services().get(uuid));
    }

    /** The IRI of the organisation with this HSDS UUID, if it provides a published service. */
    public Optional<String> organisationIri(String uuid) {
        return Optional.ofNullable(current().organisations().get(uuid));
    }

    /** The (service, municipality) pair with this service_at_location UUID, if published. */
    public Optional<ServiceCatalog.ServicePlace> place(String uuid) {
        return Optional.ofNullable(current().places().get(uuid));
    }

    /** The HSDS id of a service offered in a municipality. */
    public static String placeId(ServiceCatalog.ServicePlace place) {
        return HsdsIds.of(place.serviceUri(), "at/" + place.municipality());
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s == null) {
            Map<String, String> services = new HashMap<>();
            for (String uri : catalog.allServiceUris()) {
                iris.serviceIdOf(uri).ifPresent(id -> services.put(HsdsIds.of(uri), id));
            }
            Map<String, String> organisations = new HashMap<>();
            ServiceFilter all = new ServiceFilter(null, null, null, null, 1, 1);
            catalog.organisations(all).forEach(o -> organisations.put(HsdsIds.of(o.iri()), o.iri()));
            Map<String, ServiceCatalog.ServicePlace> places = new HashMap<>();
            catalog.allPlaces().forEach(p -> places.put(placeId(p), p));
            s = new Snapshot(services, organisations, places);
            snapshot = s;
        }
        return s;
    }
}
