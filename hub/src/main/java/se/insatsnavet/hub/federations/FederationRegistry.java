package se.insatsnavet.hub.federations;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.insatsnavet.connectors.descriptor.DescriptorException;
import se.insatsnavet.connectors.descriptor.DescriptorLoader;
import se.insatsnavet.connectors.descriptor.FederationDescriptor;
import se.insatsnavet.hub.store.CatalogStore;
import se.insatsnavet.schema.vocab.HubIris;
import se.insatsnavet.schema.vocab.M8G;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The federations the hub knows, from the descriptors in one folder. Each is registered in the database
 * and described (as an m8g:PublicOrganisation) in its named graph. A descriptor that does not load is kept
 * as an error naming its file and field, and never hides the others.
 */
public final class FederationRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(FederationRegistry.class);

    private final Map<String, FederationDescriptor> federations;
    private final List<DescriptorException> errors;
    private final boolean descriptionsChanged;

    private FederationRegistry(Map<String, FederationDescriptor> federations, List<DescriptorException> errors,
                               boolean descriptionsChanged) {
        this.federations = federations;
        this.errors = errors;
        this.descriptionsChanged = descriptionsChanged;
    }

    /** Loads and registers every descriptor in {@code dir}. Blocking. */
    public static FederationRegistry load(Path dir, FederationRepository repository, CatalogStore store, HubIris iris) {
        DescriptorLoader.LoadResult result;
        try {
            result = new DescriptorLoader().loadAll(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the federations folder " + dir, e);
        }
        for (DescriptorException e : result.errors()) {
            LOG.error("Federation descriptor rejected: {}", e.getMessage());
        }
        Map<String, FederationDescriptor> byId = new LinkedHashMap<>();
        int described = 0;
        Map<String, List<String>> registered = repository.registered();
        for (FederationDescriptor f : result.descriptors()) {
            byId.put(f.id(), f);
            String path = f.file() == null ? null : f.file().toString();
            if (!List.of(nameOf(f), path == null ? "" : path).equals(registered.get(f.id()))) {
                repository.upsert(f.id(), nameOf(f), path); // new, renamed or moved (one transaction each)
            }
            Model description = describe(f, iris);
            // a start with the same descriptor as last time writes nothing to the dataset (one write transaction each)
            if (!alreadyDescribed(store, iris.federationGraph(f.id()), iris.organisation(f.id()), description)) {
                store.replaceSubject(iris.federationGraph(f.id()), iris.organisation(f.id()), description);
                described++;
            }
        }
        LOG.info("{} federation(s) loaded from {} ({} described anew)", byId.size(), dir.toAbsolutePath(), described);
        return new FederationRegistry(byId, result.errors(), described > 0);
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
        org.apache.jena.rdf.model.Resource s = stored.createResource(subject);
        return stored.listStatements(s, null, (org.apache.jena.rdf.model.RDFNode) null).toSet()
                .equals(description.listStatements(s, null, (org.apache.jena.rdf.model.RDFNode) null).toSet())
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

    public Collection<FederationDescriptor> all() {
        return federations.values();
    }

    public Optional<FederationDescriptor> get(String id) {
        return Optional.ofNullable(federations.get(id));
    }

    /** Swedish name of a federation (its id if unknown). */
    public String name(String id) {
        FederationDescriptor f = federations.get(id);
        return f == null ? id : nameOf(f);
    }

    /** Descriptors that could not be loaded, each naming its file and field. */
    public List<DescriptorException> errors() {
        return errors;
    }

    private static String nameOf(FederationDescriptor f) {
        return f.name().getOrDefault("sv", f.name().values().iterator().next());
    }
}
