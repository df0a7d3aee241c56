package se.insatsnavet.hub.sparql;

import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.expr.ExprFunctionOp;
import org.apache.jena.sparql.expr.ExprVisitorBase;

import java.util.Optional;

/**
 * Finds SPARQL 1.1 Federated Query {@code SERVICE} clauses anywhere in a query: in its pattern, in
 * {@code OPTIONAL}/{@code UNION}/{@code MINUS}/{@code GRAPH}, in sub-queries and in the patterns of
 * {@code EXISTS}/{@code NOT EXISTS} wherever an expression may stand (FILTER, BIND, SELECT, ORDER BY, HAVING).
 * The public endpoint refuses them: a {@code SERVICE} makes the server send a request the client steers.
 */
final class ServiceClauses {

    private ServiceClauses() {
    }

    /** The endpoint named by the first {@code SERVICE} clause of {@code query} (an IRI or a variable), if any. */
    static Optional<String> first(Query query) {
        return first(Algebra.compile(query));
    }

    private static Optional<String> first(Op op) {
        Finder finder = new Finder();
        Walker.walk(op, finder, new ExprVisitorBase() {
            @Override
            public void visit(ExprFunctionOp funcOp) {
                if (finder.found == null && funcOp.getGraphPattern() != null) {
                    first(funcOp.getGraphPattern()).ifPresent(s -> finder.found = s);
                }
            }
        });
        return Optional.ofNullable(finder.found);
    }

    private static final class Finder extends OpVisitorBase {
        private String found;

        @Override
        public void visit(OpService op) {
            if (found == null) {
                found = op.getService().toString();
            }
        }
    }
}
