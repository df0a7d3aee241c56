package se.insatsnavet.schema;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.RDFDataMgr;
import se.insatsnavet.schema.vocab.HubIris;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SHACL shapes as Jena {@link org.apache.jena.shacl.Shapes}: the hub's own ({@code shapes.ttl}, parsed with
 * the base URI because they name the hub's concept schemes) and, for tests and checks, the official
 * CPSV-AP 3.2.0 shapes from a folder. Jena's type is written with its package because it shares this class's
 * simple name.
 */
public final class Shapes {

    private static final Map<String, org.apache.jena.shacl.Shapes> HUB = new ConcurrentHashMap<>();

    private Shapes() {
    }

    /** The hub's shapes under the default base URI. */
    public static org.apache.jena.shacl.Shapes hub() {
        return hub(HubIris.defaults());
    }

    /** The hub's shapes under {@code iris}' base URI (cached). */
    public static org.apache.jena.shacl.Shapes hub(HubIris iris) {
        return HUB.computeIfAbsent(iris.base(), b -> org.apache.jena.shacl.Shapes.parse(hubModel(iris)));
    }

    /** The hub's shapes as RDF (e.g. to publish them). */
    public static Model hubModel(HubIris iris) {
        Model m = ModelFactory.createDefaultModel();
        Vocabulary.parseResource(m, Vocabulary.SHAPES_RESOURCE, iris.base());
        return m;
    }

    /** The official CPSV-AP 3.2.0 shapes: {@code <cpsvApDir>/shacl/cpsv-ap-SHACL.ttl}. */
    public static org.apache.jena.shacl.Shapes cpsvAp(Path cpsvApDir) {
        Path file = cpsvApDir.resolve("shacl").resolve("cpsv-ap-SHACL.ttl");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("CPSV-AP shapes not found: " + file);
        }
        return org.apache.jena.shacl.Shapes.parse(RDFDataMgr.loadModel(file.toString()));
    }
}
