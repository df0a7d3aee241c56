package se.insatsnavet.schema.rdf;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;

import java.util.Optional;
import java.util.TreeMap;

/** Values read back from a resource's properties into the canonical JSON: one literal, or a language map. */
final class RdfValues {

    private RdfValues() {
    }

    /** The lexical form of {@code r}'s value of {@code p}, if that value is a literal. */
    static Optional<String> string(Resource r, Property p) {
        Statement st = r.getProperty(p);
        return st != null && st.getObject().isLiteral() ? Optional.of(st.getLiteral().getLexicalForm()) : Optional.empty();
    }

    /** {@code r}'s literals of {@code p} by language tag ({@code ""} for none), the first of each tag, tags in order. */
    static ObjectNode langMap(Resource r, Property p) {
        TreeMap<String, String> map = new TreeMap<>();
        r.listProperties(p).forEachRemaining(st -> {
            if (st.getObject().isLiteral()) {
                Literal l = st.getLiteral();
                map.putIfAbsent(l.getLanguage(), l.getLexicalForm());
            }
        });
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        map.forEach(o::put);
        return o;
    }
}
