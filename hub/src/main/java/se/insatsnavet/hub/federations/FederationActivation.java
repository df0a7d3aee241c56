package se.insatsnavet.hub.federations;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.insatsnavet.connectors.descriptor.FederationDescriptor;
import se.insatsnavet.hub.federations.DescriptorOffers.Offer;
import se.insatsnavet.hub.federations.FederationRegistry.Origin;
import se.insatsnavet.hub.federations.FederationRegistry.Refusal;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Brings the running federations in line with the descriptors offered ({@link DescriptorOffers}), while the hub
 * runs. For each federation id the offer of highest precedence (admin API, then the folder, then the bundled
 * examples) counts: a valid one that differs from the running descriptor replaces it; a refused one is recorded
 * (logged once, shown in {@code /api/federations}) and changes nothing while a descriptor of the federation runs
 * (with none running, the next valid offer of lower precedence runs); no offer at all removes the federation and
 * withdraws its services. What a change does to routes and services is the {@link Effects}' job.
 */
public final class FederationActivation {

    private static final Logger LOG = LoggerFactory.getLogger(FederationActivation.class);

    /** What taking a descriptor into use, or out of it, does besides the registry. Each call is blocking. */
    public interface Effects {
        /** Stops reading the federation's sources (its descriptor is replaced or removed). */
        void stop(FederationDescriptor old);

        /** Starts reading a federation's sources (a new or replacing descriptor), the first read at once. */
        void start(FederationDescriptor federation);

        /** Withdraws the services of a removed federation through the change log. */
        void withdraw(FederationDescriptor old);
    }

    /** Effects of the start: the registry only (the routes are installed with the others before Camel starts). */
    public static final Effects AT_START = new Effects() {
        @Override
        public void stop(FederationDescriptor old) {
        }

        @Override
        public void start(FederationDescriptor federation) {
        }

        @Override
        public void withdraw(FederationDescriptor old) {
        }
    };

    private final FederationRegistry registry;
    private final DescriptorOffers offers;
    private final ReentrantLock applying = new ReentrantLock();
    private final Map<String, String> runningKeys = new HashMap<>();
    private final Map<String, String> loggedRefusals = new HashMap<>();
    private volatile Map<String, List<Offer>> lastOffers = Map.of();
    private volatile Effects effects = AT_START;

    public FederationActivation(FederationRegistry registry, DescriptorOffers offers) {
        this.registry = registry;
        this.offers = offers;
    }

    /** From now on, changes start and stop routes and withdraw services (once the import routes run). */
    public void useEffects(Effects newEffects) {
        this.effects = newEffects;
    }

    public DescriptorOffers offers() {
        return offers;
    }

    /** The offer of a file (the folder's or a bundled example) for {@code id}, as of the last scan. */
    public Optional<Offer> fileOffer(String id) {
        return lastOffers.getOrDefault(id, List.of()).stream().filter(o -> o.origin() != Origin.API).findFirst();
    }

    /** Scans and applies, waiting for a scan under way (the admin API's changes). Blocking. */
    public void apply() {
        applying.lock();
        try {
            applyNow(false);
        } finally {
            applying.unlock();
        }
    }

    /** Scans and applies unless a scan is under way (the periodic scan). Blocking. */
    public void applyIfIdle() {
        if (applying.tryLock()) {
            try {
                applyNow(false);
            } finally {
                applying.unlock();
            }
        }
    }

    /** The first scan, at start: the folder's files are taken as they are. */
    public void applyAtStart() {
        applying.lock();
        try {
            applyNow(true);
        } finally {
            applying.unlock();
        }
    }

    private void applyNow(boolean atOnce) {
        Map<String, List<Offer>> now = offers.scan(atOnce);
        lastOffers = now;
        TreeSet<String> ids = new TreeSet<>(now.keySet());
        registry.all().forEach(f -> ids.add(f.id()));
        for (String id : ids) {
            try {
                applyTo(id, now.getOrDefault(id, List.of()));
            } catch (RuntimeException e) {
                LOG.error("Applying the descriptor of federation {} failed; it is tried again on the next scan", id, e);
                runningKeys.remove(id);
            }
        }
    }

    private void applyTo(String id, List<Offer> offered) {
        Optional<FederationDescriptor> running = registry.get(id);
        if (offered.isEmpty()) {
            registry.forgetRefusal(id);
            loggedRefusals.remove(id);
            if (running.isPresent()) {
                LOG.warn("Federation {}: its descriptor was removed; withdrawing its services", id);
                registry.deactivate(id);
                runningKeys.remove(id);
                effects.stop(running.get());
                effects.withdraw(running.get());
            }
            return;
        }
        Offer top = offered.get(0);
        Offer chosen = top.valid() ? top
                : running.isPresent() ? null : offered.stream().filter(Offer::valid).findFirst().orElse(null);
        if (chosen != null && !key(chosen).equals(runningKeys.get(id))) {
            running.ifPresent(effects::stop);
            registry.activate(chosen.descriptor(), chosen.origin());
            runningKeys.put(id, key(chosen));
            effects.start(chosen.descriptor());
        }
        if (top.valid()) {
            registry.forgetRefusal(id);
            loggedRefusals.remove(id);
        } else {
            registry.refuse(new Refusal(id, top.origin(), top.file(), top.errors(), Instant.now()));
            if (!top.sha256().equals(loggedRefusals.put(id, top.sha256()))) {
                LOG.error("Federation descriptor {} refused ({}): {}", top.file(), registry.get(id).isPresent()
                        ? "the federation's running descriptor stays" : "the federation does not run", String.join("; ", top.errors()));
            }
        }
    }

    private static String key(Offer offer) {
        return offer.origin() + " " + offer.file() + " " + offer.sha256();
    }
}
