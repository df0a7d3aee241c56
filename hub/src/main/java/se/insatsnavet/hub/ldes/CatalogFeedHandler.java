package se.insatsnavet.hub.ldes;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import se.insatsnavet.hub.http.Blocking;
import se.insatsnavet.hub.http.QueryParams;
import se.insatsnavet.hub.http.Responses;
import se.insatsnavet.hub.linkeddata.ContentNegotiation;
import se.insatsnavet.hub.linkeddata.RdfRepresentation;
import se.insatsnavet.schema.vocab.AS;
import se.insatsnavet.schema.vocab.HubIris;
import se.insatsnavet.schema.vocab.LDES;
import se.insatsnavet.schema.vocab.TREE;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code GET /catalog/feed[?after=N]} and {@code GET /catalog/feed/event/:seq}: the hub's DCAT-AP catalogue as
 * an LDES DCAT-AP feed (SEMIC's LDES-DCAT-AP-feeds, as Sweden's data portal harvests it): every create, update
 * and delete of a catalogue entity is a member, an {@code as:Create}, {@code as:Update} or {@code as:Delete}
 * of the entity ({@code as:object}) {@code as:published} when the hub recorded it, and the entity's description
 * is the named graph of the member's IRI ({@code <base>catalog/feed/event/N}). The stream names SEMIC's
 * {@code ActivityShape} as {@code tree:shape}; it keeps every member (an {@code ldes:EventSource}).
 *
 * <p>Each request first records what changed in the catalogue since the last one ({@link CatalogFeedLog}), so a
 * consumer that replays the feed in order ends with exactly the catalogue {@code /catalog} serves at that time.
 * Pages of {@value #PAGE} events, linked by a {@code tree:GreaterThanOrEqualToRelation} on {@code as:published};
 * TriG or N-Quads ({@code Accept} or {@code ?format=trig|nq}).
 */
public final class CatalogFeedHandler {

    /** Events per page. */
    public static final int PAGE = 100;
    /** SEMIC's shape of LDES DCAT-AP feed members. */
    public static final String SEMIC_SHAPE = "https://semiceu.github.io/LDES-DCAT-AP-feeds/shape.ttl#ActivityShape";
    static final List<RdfRepresentation> OFFERED = List.of(RdfRepresentation.TRIG, RdfRepresentation.N_QUADS);

    private final Vertx vertx;
    private final CatalogFeedLog log;
    private final Supplier<Model> catalog;
    private final HubIris iris;

    private CatalogFeedHandler(Vertx vertx, CatalogFeedLog log, Supplier<Model> catalog, HubIris iris) {
        this.vertx = vertx;
        this.log = log;
        this.catalog = catalog;
        this.iris = iris;
    }

    /** @param catalog builds the catalogue as {@code /catalog} serves it (called on a worker thread) */
    public static CatalogFeedHandler create(Vertx vertx, CatalogFeedLog log, Supplier<Model> catalog, HubIris iris) {
        return new CatalogFeedHandler(vertx, log, catalog, iris);
    }

    public String streamIri() {
        return iris.endpoint("catalog/feed");
    }

    /** {@code GET /catalog/feed[?after=N]}. */
    public Handler<RoutingContext> fragment() {
        return ctx -> {
            Optional<RdfRepresentation> r = ContentNegotiation.forRequest(ctx, OFFERED);
            if (r.isEmpty()) {
                return;
            }
            boolean root = !ctx.queryParams().contains("after");
            long after;
            try {
                String value = root ? "0" : QueryParams.matching(ctx, "after", "[0-9]{1,18}", "an event sequence number");
                if (value == null || ctx.queryParams().getAll("after").size() > 1) {
                    throw new QueryParams.BadRequest("Parameter 'after' must be one event sequence number");
                }
                after = Long.parseLong(value);
            } catch (QueryParams.BadRequest e) {
                Responses.problem(ctx, 400, e.getMessage());
                return;
            }
            Blocking.run(vertx, () -> {
                log.record(catalog.get());
                return QuadWriting.write(page(after), r.get());
            }).onComplete(ar -> {
                if (ar.failed()) {
                    Responses.failed(ctx, ar.cause());
                } else {
                    Responses.send(ctx, 200, r.get().contentType(), ar.result());
                }
            });
        };
    }

    /** {@code GET /catalog/feed/event/:seq}: one member with its description. */
    public Handler<RoutingContext> event() {
        return ctx -> {
            Optional<RdfRepresentation> r = ContentNegotiation.forRequest(ctx, OFFERED);
            if (r.isEmpty()) {
                return;
            }
            String seq = ctx.pathParam("seq");
            if (!seq.matches("[0-9]{1,18}")) {
                Responses.problem(ctx, 404, "No event " + seq);
                return;
            }
            Blocking.run(vertx, () -> log.event(Long.parseLong(seq)).map(e -> {
                Dataset d = dataset();
                member(d, e);
                return QuadWriting.write(d, r.get());
            })).onComplete(ar -> {
                if (ar.failed()) {
                    Responses.failed(ctx, ar.cause());
                } else if (ar.result().isEmpty()) {
                    Responses.problem(ctx, 404, "No event " + seq);
                } else {
                    Responses.send(ctx, 200, r.get().contentType(), ar.result().get());
                }
            });
        };
    }

    /** The page of the events after {@code after} (blocking). */
    Dataset page(long after) {
        List<CatalogFeedLog.Event> events = log.after(after, PAGE + 1);
        boolean more = events.size() > PAGE;
        if (more) {
            events = events.subList(0, PAGE);
        }
        Dataset d = dataset();
        Model m = d.getDefaultModel();
        Resource stream = m.createResource(streamIri()).addProperty(RDF.type, LDES.EventStream)
                .addProperty(TREE.shape, m.createResource(SEMIC_SHAPE))
                .addProperty(LDES.timestampPath, AS.published)
                .addProperty(LDES.versionOfPath, AS.object)
                .addProperty(DCTerms.title, "Insatsnavet: DCAT-AP-flöde för katalogen", "sv");
        Resource node = m.createResource(fragmentIri(after)).addProperty(RDF.type, TREE.Node);
        if (after == 0) {
            stream.addProperty(TREE.view, node);
            node.addProperty(TREE.viewDescription, m.createResource(streamIri() + "#view")
                    .addProperty(RDF.type, TREE.ViewDescription).addProperty(RDF.type, LDES.EventSource)
                    .addProperty(DCTerms.description, "Every create, update and delete of the catalogue's entities, oldest first,"
                            + " in pages of " + PAGE + "; nothing is removed.", "en"));
        }
        for (CatalogFeedLog.Event e : events) {
            stream.addProperty(TREE.member, member(d, e));
        }
        if (more) {
            CatalogFeedLog.Event last = events.get(events.size() - 1);
            NextFragment.link(m, node, fragmentIri(after), fragmentIri(last.seq()), last.at());
        }
        return d;
    }

    private Resource member(Dataset d, CatalogFeedLog.Event e) {
        Model m = d.getDefaultModel();
        Resource type = switch (e.action()) {
            case CatalogFeedLog.CREATE -> AS.Create;
            case CatalogFeedLog.DELETE -> AS.Delete;
            default -> AS.Update;
        };
        String iri = streamIri() + "/event/" + e.seq();
        Resource activity = m.createResource(iri).addProperty(RDF.type, type)
                .addProperty(AS.object, m.createResource(e.entity()))
                .addProperty(AS.published, m.createTypedLiteral(e.at().toString(), XSDDatatype.XSDdateTime));
        if (e.description() != null) {
            d.addNamedModel(iri, e.model());
        }
        return activity;
    }

    private String fragmentIri(long after) {
        return streamIri() + "?after=" + after;
    }

    private static Dataset dataset() {
        Dataset d = DatasetFactory.create();
        d.getDefaultModel().setNsPrefix("ldes", LDES.NS).setNsPrefix("tree", TREE.NS).setNsPrefix("as", AS.NS)
                .setNsPrefix("dcat", DCAT.NS).setNsPrefix("dct", DCTerms.NS)
                .setNsPrefix("xsd", XSDDatatype.XSD + "#");
        return d;
    }
}
