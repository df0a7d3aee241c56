package se.insatsnavet.hub.federations;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.insatsnavet.connectors.descriptor.FederationDescriptor;
import se.insatsnavet.hub.store.CatalogStore;
import se.insatsnavet.schema.vocab.HubIris;
import se.insatsnavet.schema.vocab.M8G;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The federations the hub runs now, each with where its descriptor came from ({@link Origin}), and the descriptors
 * it refused (with why). Federations are activated, replaced and deactivated while the hub runs
 * ({@link FederationActivation}); each activated one is registered in the database and described (as an
 * m8g:PublicOrganisation) in its named graph. Reads ({@link #all()}, {@link #get}) see a consistent snapshot.
 */
public final class FederationRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(FederationRegistry.class);

    /** Where a descriptor came from, in rising precedence: the admin API's beats the folder's beats a bundled example's. */
    public enum Origin {
        EXAMPLE("example"), FOLDER("folder"), API("api");

        private final String label;

        Origin(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A descriptor that was offered for a federation and refused: where it came from and every problem found. */
    public record Refusal(String id, Origin origin, String file, List<String> errors, Instant at) {
        public Refusal {
            errors = List.copyOf(errors);
        }
    }

    private final FederationRepository repository;
    private final CatalogStore store;
    private final HubIris iris;
    private final ConcurrentSkipListMap<String, FederationDescriptor> federations = new ConcurrentSkipListMap<>();
    private final Map<String, Origin> origins = new ConcurrentHashMap<>();
    private final Map<String, Refusal> refusals = new ConcurrentSkipListMap<>();
    private volatile boolean descriptionsChanged;

    private FederationRegistry(FederationRepository repository, CatalogStore store, HubIris iris) {
        this.repository = repository;
        this.store = store;
        this.iris = iris;
    }

    /** A registry with no federation yet. */
    public static FederationRegistry create(FederationRepository repository, CatalogStore store, HubIris iris) {
        return new FederationRegistry(repository, store, iris);
    }

    /**
     * Makes {@code f} the running descriptor of its federation (new or replacing): registers it in the database
     * and describes it in its graph unless it is already described exactly so. Blocking.
     */
    public void activate(FederationDescriptor f, Origin origin) {
        String path = f.file() == null ? null : f.file().toString();
        if (!List.of(nameOf(f), path == null ? "" : path).equals(repository.registered().get(f.id()))) {
            repository.upsert(f.id(), nameOf(f), path); // new, renamed or moved (one transaction)
        }
        Model description = describe(f, iris);
        // a start with the same descriptor as last time writes nothing to the dataset (one write transaction each)
        if (!alreadyDescribed(store, iris.federationGraph(f.id()), iris.organisation(f.id()), description)) {
            store.replaceSubject(iris.federationGraph(f.id()), iris.organisation(f.id()), description);
            descriptionsChanged = true;
        }
        federations.put(f.id(), f);
        origins.put(f.id(), origin);
        refusals.remove(f.id());
        LOG.info("Federation {} runs the descriptor of the {} ({})", f.id(), origin.label(), path);
    }

    /** Stops knowing a federation (its services are withdrawn by the caller); returns its last descriptor. */
    public Optional<FederationDescriptor> deactivate(String id) {
        origins.remove(id);
        return Optional.ofNullable(federations.remove(id));
    }

    /** Records that a descriptor offered for {@code id} was refused (the running descriptor, if any, stays). */
    public void refuse(Refusal refusal) {
        refusals.put(refusal.id(), refusal);
    }

    /** Forgets the refusal of {@code id} (its refused descriptor was removed). */
    public void forgetRefusal(String id) {
        refusals.remove(id);
    }

    /** The refused descriptors, by federation id. */
    public List<Refusal> refusals() {
        return List.copyOf(refusals.values());
    }

    public Optional<Refusal> refusal(String id) {
        return Optional.ofNullable(refusals.get(id));
    }

    /** Where the running descriptor of {@code id} came from. */
    public Optional<Origin> origin(String id) {
        return Optional.ofNullable(origins.get(id));
    }

    /**
     * Whether the graph already holds exactly this description of {@code subject}: the same statements about it,
     * and every statement of the description about the resources it links to.
     */
    static boolean alreadyDescribed(CatalogStore store, String graphIri, String subject, Model description) {
        Model stored = store.describeIn(graphIri, subject).orElse(null);
        if (stored == null) {
            return false;
        }
        Resource s = stored.createResource(subject);
        return stored.listStatements(s, null, (RDFNode) null).toSet()
                .equals(description.listStatements(s, null, (RDFNode) null).toSet())
                && stored.containsAll(description);
    }

    /** Whether loading described at least one federation anew (a new or changed descriptor) in the dataset. */
    public boolean descriptionsChanged() {
        return descriptionsChanged;
    }

    /** The federation's organisation in the vocabulary: CPSV-AP's m8g:PublicOrganisation. */
    static Model describe(FederationDescriptor f, HubIris iris) {
        Model m = ModelFactory.createDefaultModel();
        Resource org = m.createResource(iris.organisation(f.id()))
                .addProperty(RDF.type, M8G.PublicOrganisation)
                .addProperty(DCTerms.identifier, f.id());
        f.name().forEach((lang, text) -> org.addProperty(SKOS.prefLabel, text, lang));
        f.description().forEach((lang, text) -> org.addProperty(DCTerms.description, text, lang));
        if (f.homepage() != null) {
            org.addProperty(FOAF.homepage, m.createResource(f.homepage()));
        }
        for (String scb : f.municipalities()) {
            org.addProperty(DCTerms.spatial, m.createResource(iris.municipality(scb)).addProperty(RDF.type, DCTerms.Location));
        }
        return m;
    }

    /** The running federations, by id (a snapshot). */
    public Collection<FederationDescriptor> all() {
        return List.copyOf(federations.values());
    }

    public Optional<FederationDescriptor> get(String id) {
        return Optional.ofNullable(federations.get(id));
    }

    /** Swedish name of a federation (its id if unknown). */
    public String name(String id) {
        FederationDescriptor f = federations.get(id);
        return f == null ? id : nameOf(f);
    }

    /** The refused descriptors' problems, each naming its file and field. */
    public List<String> errors() {
        return refusals.values().stream().flatMap(r -> r.errors().stream().map(e -> r.file() + ": " + e)).toList();
    }

    private static String nameOf(FederationDescriptor f) {
        return f.name().getOrDefault("sv", f.name().values().iterator().next());
    }
}
