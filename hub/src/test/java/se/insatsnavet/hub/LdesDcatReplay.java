package se.insatsnavet.hub;

import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDF;
import se.insatsnavet.schema.vocab.AS;
import se.insatsnavet.schema.vocab.TREE;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A harvester replaying an LDES DCAT-AP feed as DIGG's test suite describes it (diggsweden/LDES-DCAT-AP-test-cases):
 * start from a graph ({@code before.ttl}), apply the feed's members in order of {@code as:published} (ties by
 * member IRI), and record what was added, updated and removed. An {@code as:Create} or {@code as:Update} replaces
 * the object's description (its triples and its blank nodes) with the member's named graph; an {@code as:Delete}
 * removes it. A member already applied is skipped, so pages can be fed again.
 */
final class LdesDcatReplay {

    final Model state = ModelFactory.createDefaultModel();
    final Set<String> added = new LinkedHashSet<>();
    final Set<String> updated = new LinkedHashSet<>();
    final Set<String> removed = new LinkedHashSet<>();
    private final Set<String> initial = new HashSet<>();
    private final Set<String> applied = new HashSet<>();

    LdesDcatReplay(Model before) {
        state.add(before);
        before.listSubjects().filterKeep(Resource::isURIResource).forEachRemaining(s -> initial.add(s.getURI()));
    }

    /** Applies the members of one page (members in the default graph, descriptions in graphs named by member). */
    void apply(Dataset page) {
        Model m = page.getDefaultModel();
        List<Resource> members = new ArrayList<>();
        m.listObjectsOfProperty(TREE.member).forEachRemaining(o -> {
            if (!applied.contains(o.asResource().getURI())) {
                members.add(o.asResource());
            }
        });
        members.sort(Comparator.comparing((Resource r) -> r.getProperty(AS.published).getLiteral().getLexicalForm(),
                        Comparator.comparing(java.time.Instant::parse))
                .thenComparingInt(r -> r.getURI().length()).thenComparing(Resource::getURI));
        for (Resource member : members) {
            applied.add(member.getURI());
            Resource object = member.getPropertyResourceValue(AS.object);
            String iri = object.getURI();
            removeDescription(state.getResource(iri));
            if (member.hasProperty(RDF.type, AS.Delete)) {
                removed.add(iri);
                added.remove(iri);
                updated.remove(iri);
            } else {
                state.add(page.getNamedModel(member.getURI()));
                if (member.hasProperty(RDF.type, AS.Create)) {
                    added.add(iri);
                } else if (!added.contains(iri)) {
                    updated.add(iri);
                }
            }
        }
    }

    /** Entities of the initial graph no member touched. */
    int unchanged() {
        Set<String> left = new HashSet<>(initial);
        left.removeAll(added);
        left.removeAll(updated);
        left.removeAll(removed);
        return left.size();
    }

    private void removeDescription(Resource node) {
        for (Statement st : node.listProperties().toList()) {
            RDFNode o = st.getObject();
            state.remove(st);
            if (o.isAnon() && !state.contains(null, null, o)) {
                removeDescription(o.asResource());
            }
        }
    }
}
