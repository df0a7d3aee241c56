package se.insatsnavet.hub.imports;

import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.rdf.model.StmtIterator;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.validation.ReportEntry;
import se.insatsnavet.schema.ShaclCheck;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The vocabulary's SHACL shapes on the converted records of one run, validated together: one validation over
 * the union of up to {@link #BATCH} records' graphs instead of one per record. A violation is given to the
 * record whose graph holds its focus node. When that is not one record alone (a node several records share,
 * such as a provider's IRI), that node is checked in each sharing record's own graph, and each record where it
 * breaks a shape there (or all of the batch's records, for a violation without a focus node) is validated on
 * its own, so the messages are the same as record-by-record validation gives, naming federation, record and
 * RDF property.
 */
final class BatchShapesCheck {

    /** Records validated in one SHACL validation. */
    static final int BATCH = 500;

    /** One converted record: its local id, where it was in the source, its RDF. */
    record Converted(String localId, String locator, Model model) {
    }

    private final org.apache.jena.shacl.Shapes shapes;

    BatchShapesCheck(org.apache.jena.shacl.Shapes shapes) {
        this.shapes = shapes;
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
        for (int i = 0; i < records.size(); i++) {
            Model model = records.get(i).model();
            union.add(model);
            StmtIterator it = model.listStatements();
            while (it.hasNext()) {
                Statement s = it.next();
                holders.computeIfAbsent(s.getSubject().asNode(), n -> new BitSet()).set(i);
                RDFNode o = s.getObject();
                if (!o.isLiteral()) {
                    holders.computeIfAbsent(o.asNode(), n -> new BitSet()).set(i);
                }
            }
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
            for (int i = who.nextSetBit(0); i >= 0; i = who.nextSetBit(i + 1)) {
                if (!alone.get(i) && !ShaclValidator.get().validate(shapes, records.get(i).model().getGraph(), node).conforms()) {
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

    private static List<RunMessage> messages(java.util.Collection<ReportEntry> entries, Model prefixes, Converted c) {
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
