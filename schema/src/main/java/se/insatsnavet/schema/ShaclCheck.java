package se.insatsnavet.schema;

import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.path.Path;

import java.util.ArrayList;
import java.util.List;

/** Runs SHACL validation and turns the report into readable lines. */
public final class ShaclCheck {

    /** A validation outcome: {@code conforms} is the report's {@code sh:conforms}. */
    public record Result(boolean conforms, List<String> messages, ValidationReport report) {
        @Override
        public String toString() {
            return conforms ? "conforms" : "does not conform:\n  " + String.join("\n  ", messages);
        }
    }

    private ShaclCheck() {
    }

    /**
     * Validates {@code data} (merge all inputs into one model first: shapes see only this graph) against
     * {@code shapes}. Each message reads "[severity] focus node, path: message (value …)".
     */
    public static Result validate(Model data, Shapes shapes) {
        ValidationReport report = ShaclValidator.get().validate(shapes, data.getGraph());
        List<String> messages = new ArrayList<>();
        for (ReportEntry e : report.getEntries()) {
            StringBuilder sb = new StringBuilder();
            sb.append('[').append(e.severity() == null ? "?" : e.severity().level().getLocalName()).append("] ");
            sb.append(show(e.focusNode()));
            Path p = e.resultPath();
            if (p != null) {
                sb.append(", ").append(p);
            }
            sb.append(": ").append(e.message());
            if (e.value() != null) {
                sb.append(" (value ").append(show(e.value())).append(')');
            }
            messages.add(sb.toString());
        }
        messages.sort(null);
        return new Result(report.conforms(), List.copyOf(messages), report);
    }

    private static String show(Node n) {
        if (n == null) {
            return "-";
        }
        return n.isURI() ? "<" + n.getURI() + ">" : n.toString();
    }
}
