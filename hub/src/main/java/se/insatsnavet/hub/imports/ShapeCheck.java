package se.insatsnavet.hub.imports;

import org.apache.jena.rdf.model.Model;
import se.insatsnavet.schema.vocab.HubIris;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Stage "shapes": the vocabulary's SHACL shapes on the run's converted descriptions, collected and validated in
 * batches ({@link BatchShapesCheck}, one validation per {@value BatchShapesCheck#BATCH} records rather than one
 * per record). A description that breaks a shape rejects its record; the others go into the change set.
 */
final class ShapeCheck {

    private final BatchShapesCheck shapes;
    private final HubIris iris;
    private final List<Diff.Changed> changed = new ArrayList<>();
    private final List<BatchShapesCheck.Converted> converted = new ArrayList<>();

    ShapeCheck(BatchShapesCheck shapes, HubIris iris) {
        this.shapes = shapes;
        this.iris = iris;
    }

    /** A changed record, read at {@code locator}, converted to {@code model}: checked by {@link #check}. */
    void add(Diff.Changed record, String locator, Model model) {
        changed.add(record);
        converted.add(new BatchShapesCheck.Converted(record.localId(), locator, model));
    }

    /** Checks every record added: rejects those that break a shape, puts the others into {@code set}. */
    void check(ChangeSet set, RunLog log) {
        Map<String, List<RunMessage>> errors = shapes.errors(converted);
        for (int i = 0; i < converted.size(); i++) {
            BatchShapesCheck.Converted c = converted.get(i);
            Diff.Changed record = changed.get(i);
            List<RunMessage> recordErrors = errors.get(c.localId());
            if (recordErrors != null) {
                log.reject(c.localId(), recordErrors);
                continue;
            }
            set.upsert(iris.service(record.hash().serviceId()), record.hash(), c.model(), record.isNew());
        }
    }
}
