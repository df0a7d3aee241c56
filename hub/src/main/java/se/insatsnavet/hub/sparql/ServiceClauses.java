package se.insatsnavet.hub.sparql;

import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.sse.Item;
import org.apache.jena.sparql.sse.ItemList;
import org.apache.jena.sparql.sse.SSE;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Finds SPARQL 1.1 Federated Query {@code SERVICE} clauses anywhere in a query: in its pattern, in
 * {@code OPTIONAL}/{@code UNION}/{@code MINUS}/{@code GRAPH}, in sub-queries and in the patterns of
 * {@code EXISTS}/{@code NOT EXISTS} wherever an expression may stand (FILTER, BIND, SELECT, ORDER BY, GROUP BY,
 * HAVING). The public endpoint refuses them: a {@code SERVICE} makes the server send a request the client steers.
 *
 * <p>It reads the query's whole algebra, expressions included, as Jena writes it (SSE) and looks for a
 * {@code (service …)} form, so no place in a query is left out by a walker that skips some operator's
 * expressions; a string that merely contains the word is a literal there, not a form.
 */
final class ServiceClauses {

    private static final String SERVICE = "service";

    private ServiceClauses() {
    }

    /** The endpoint named by the first {@code SERVICE} clause of {@code query} (an IRI or a variable), if any. */
    static Optional<String> first(Query query) {
        Op op = Algebra.compile(query);
        Deque<Item> pending = new ArrayDeque<>();
        try {
            pending.push(SSE.parse(op.toString()));
        } catch (RuntimeException e) {
            // not expected (Jena reads what it writes); refuse rather than run a query that was not checked
            throw new SparqlEndpoint.Refused("The query could not be checked for SERVICE clauses: " + e.getMessage());
        }
        while (!pending.isEmpty()) {
            Item item = pending.pop();
            if (!item.isList()) {
                continue;
            }
            ItemList list = item.getList();
            if (!list.isEmpty() && list.car().isSymbol(SERVICE)) {
                // (service <endpoint> pattern) or (service silent <endpoint> pattern)
                Item endpoint = list.size() > 2 && list.get(1).isSymbol("silent") ? list.get(2) : list.size() > 1 ? list.get(1) : list.car();
                return Optional.of(endpoint.isNode() ? endpoint.getNode().toString() : endpoint.toString());
            }
            list.forEach(pending::push);
        }
        return Optional.empty();
    }
}
