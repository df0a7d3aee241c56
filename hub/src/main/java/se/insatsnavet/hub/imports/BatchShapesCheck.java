package se.insatsnavet.hub.imports;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.validation.ReportEntry;
import se.insatsnavet.schema.ShaclCheck;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The vocabulary's SHACL shapes on the converted records of one run, validated together: one validation over
 * the union of up to {@link #BATCH} records' graphs instead of one per record. A violation is given to the
 * record whose graph holds its focus node. When that is not one record alone (a node several records share,
 * such as a provider's IRI), that node is checked in each sharing record's own graph, and each record where it
 * breaks a shape there (or all of the batch's records, for a violation without a focus node) is validated on
 * its own, so the messages are the same as record-by-record validation gives, naming federation, record and
 * RDF property. Sharing records that describe such a node alike (the same triples reachable from it) get the same
 * answer, so the node is checked once per distinct description rather than once per record.
 */
final class BatchShapesCheck {

    /** Records validated in one SHACL validation. */
    static final int BATCH = 500;

    /** One converted record: its local id, where it was in the source, its RDF. */
    record Converted(String localId, String locator, Model model) {
    }

    private static final String SH = "http://www.w3.org/ns/shacl#";

    private final Shapes shapes;
    /**
     * The predicates of the shapes' {@code sh:targetObjectsOf}: a triple with one of them pointing at a node can
     * make the node a focus node. Null when the shapes look at triples a node's outgoing description does not hold
     * in other ways (inverse paths, SPARQL): then a shared node is checked in every sharing record.
     */
    private final Set<Node> incomingTargets;

    BatchShapesCheck(Shapes shapes) {
        this.shapes = shapes;
        this.incomingTargets = incomingTargets(shapes.getGraph());
    }

    private static Set<Node> incomingTargets(Graph shapesGraph) {
        for (String unsafe : List.of("inversePath", "sparql", "target", "select", "ask", "js", "jsFunctionName")) {
            if (shapesGraph.contains(Node.ANY, NodeFactory.createURI(SH + unsafe), Node.ANY)) {
                return null;
            }
        }
        Set<Node> out = new HashSet<>();
        shapesGraph.find(Node.ANY, NodeFactory.createURI(SH + "targetObjectsOf"), Node.ANY)
                .forEachRemaining(t -> out.add(t.getObject()));
        return out;
    }

    /**
     * What validating {@code node} in {@code graph} can depend on: the triples reachable from it along links
     * (its types and their classes, its values and theirs), and the triples that point at it with a predicate
     * of {@link #incomingTargets}.
     */
    private Set<Triple> description(Graph graph, Node node) {
        Set<Triple> out = new HashSet<>();
        for (Node p : incomingTargets) {
            graph.find(Node.ANY, p, node).forEachRemaining(out::add);
        }
        Set<Node> seen = new HashSet<>();
        Deque<Node> todo = new ArrayDeque<>();
        todo.add(node);
        seen.add(node);
        while (!todo.isEmpty()) {
            graph.find(todo.poll(), Node.ANY, Node.ANY).forEachRemaining(t -> {
                out.add(t);
                Node o = t.getObject();
                if (!o.isLiteral() && seen.add(o)) {
                    todo.add(o);
                }
            });
        }
        return out;
    }

    /** Errors per local id, for the records that do not conform (records that conform are absent). */
    Map<String, List<RunMessage>> errors(List<Converted> records) {
        Map<String, List<RunMessage>> out = new HashMap<>();
        for (int from = 0; from < records.size(); from += BATCH) {
            batch(records.subList(from, Math.min(records.size(), from + BATCH)), out);
        }
        return out;
    }

    private void batch(List<Converted> records, Map<String, List<RunMessage>> out) {
        if (records.size() == 1) {
            single(records.get(0), out);
            return;
        }
        Model union = ModelFactory.createDefaultModel();
        union.setNsPrefixes(records.get(0).model().getNsPrefixMap());
        Map<Node, BitSet> holders = new HashMap<>();
        Graph unionGraph = union.getGraph();
        for (int i = 0; i < records.size(); i++) {
            Graph graph = records.get(i).model().getGraph();
            // as Model.add does: the record's prefixes, then its triples (in one pass with noting who holds what)
            unionGraph.getPrefixMapping().setNsPrefixes(graph.getPrefixMapping());
            int record = i;
            graph.find().forEachRemaining(t -> {
                unionGraph.add(t);
                holders.computeIfAbsent(t.getSubject(), n -> new BitSet()).set(record);
                if (!t.getObject().isLiteral()) {
                    holders.computeIfAbsent(t.getObject(), n -> new BitSet()).set(record);
                }
            });
        }
        ShaclCheck.Result result = ShaclCheck.validate(union, shapes);
        if (result.conforms()) {
            return;
        }
        Map<Integer, List<ReportEntry>> attributed = new HashMap<>();
        BitSet alone = new BitSet();
        Map<Node, BitSet> shared = new HashMap<>();
        for (ReportEntry entry : result.report().getEntries()) {
            BitSet who = entry.focusNode() == null ? null : holders.get(entry.focusNode());
            if (who != null && who.cardinality() == 1) {
                attributed.computeIfAbsent(who.nextSetBit(0), i -> new ArrayList<>()).add(entry);
            } else if (who != null) {
                shared.put(entry.focusNode(), who);
            } else {
                alone.set(0, records.size());
            }
        }
        // a shared node that breaks a shape in the union (a provider named alike by records giving it other
        // types): checked in each holder's own graph, and only the holders where it breaks a shape there are
        // validated alone (the others conform on it, as they would alone)
        shared.forEach((node, who) -> {
            Map<Set<Triple>, Boolean> verdicts = new HashMap<>();
            for (int i = who.nextSetBit(0); i >= 0; i = who.nextSetBit(i + 1)) {
                if (alone.get(i)) {
                    continue;
                }
                Graph graph = records.get(i).model().getGraph();
                boolean conforms = incomingTargets == null
                        ? ShaclValidator.get().validate(shapes, graph, node).conforms()
                        : verdicts.computeIfAbsent(description(graph, node),
                                d -> ShaclValidator.get().validate(shapes, graph, node).conforms());
                if (!conforms) {
                    alone.set(i);
                }
            }
        });
        attributed.forEach((i, entries) -> {
            if (!alone.get(i)) {
                Converted c = records.get(i);
                out.put(c.localId(), messages(entries, union, c));
            }
        });
        for (int i = alone.nextSetBit(0); i >= 0; i = alone.nextSetBit(i + 1)) {
            single(records.get(i), out);
        }
    }

    private void single(Converted c, Map<String, List<RunMessage>> out) {
        ShaclCheck.Result result = ShaclCheck.validate(c.model(), shapes);
        if (!result.conforms()) {
            out.put(c.localId(), messages(result.report().getEntries(), c.model(), c));
        }
    }

    private static List<RunMessage> messages(Collection<ReportEntry> entries, Model prefixes, Converted c) {
        List<RunMessage> errors = new ArrayList<>();
        for (ReportEntry entry : entries) {
            String field = entry.resultPath() == null ? null : prefixes.shortForm(entry.resultPath().toString()).replaceAll("[<>]", "");
            String value = entry.value() == null ? null : entry.value().toString();
            errors.add(RunMessage.error(c.locator(), c.localId(), field, value,
                    "Does not conform to the vocabulary's shapes: " + entry.message()));
        }
        return errors;
    }
}
