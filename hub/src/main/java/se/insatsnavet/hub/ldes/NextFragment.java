package se.insatsnavet.hub.ldes;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import se.insatsnavet.schema.vocab.AS;
import se.insatsnavet.schema.vocab.TREE;

import java.time.Instant;

/** The TREE relation from one fragment of an event stream to the next, shared by both streams of the hub. */
final class NextFragment {

    private NextFragment() {
    }

    /**
     * Links {@code node} (the fragment at {@code fragmentIri}) to the fragment at {@code nextIri}, whose members
     * were all published at or after {@code lastPublished} (the last member's time on this fragment).
     */
    static void link(Model m, Resource node, String fragmentIri, String nextIri, Instant lastPublished) {
        node.addProperty(TREE.relation, m.createResource(fragmentIri + "#next")
                .addProperty(RDF.type, TREE.GreaterThanOrEqualToRelation)
                .addProperty(TREE.node, m.createResource(nextIri))
                .addProperty(TREE.path, AS.published)
                .addProperty(TREE.value, m.createTypedLiteral(lastPublished.toString(), XSDDatatype.XSDdateTime)));
    }
}
