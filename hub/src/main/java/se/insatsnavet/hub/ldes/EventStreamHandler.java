package se.insatsnavet.hub.ldes;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import se.insatsnavet.hub.changes.ChangeLog;
import se.insatsnavet.hub.http.Blocking;
import se.insatsnavet.hub.http.QueryParams;
import se.insatsnavet.hub.http.Responses;
import se.insatsnavet.hub.linkeddata.ContentNegotiation;
import se.insatsnavet.hub.linkeddata.RdfRepresentation;
import se.insatsnavet.hub.linkeddata.RdfWriting;
import se.insatsnavet.hub.store.CatalogStore;
import se.insatsnavet.schema.vocab.AS;
import se.insatsnavet.schema.vocab.HubIris;
import se.insatsnavet.schema.vocab.LDES;
import se.insatsnavet.schema.vocab.TREE;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /ldes} and {@code GET /ldes?after=<seq>}: the catalogue as a Linked Data Event Stream.
 *
 * <p>Each change of the change log is a member: an Activity Streams {@code as:Create}, {@code as:Update} or
 * {@code as:Delete} of the service ({@code as:object}), {@code as:published} at the time of the change
 * (the stream's {@code ldes:timestampPath}; {@code ldes:versionOfPath} is {@code as:object}). A member IRI is
 * {@code <base>ldes/event/<seq>}, which dereferences to the activity. The newest activity of a service that
 * is still published embeds the service's description; older ones do not (retention policy: the latest
 * version of each service, {@code ldes:LatestVersionSubset} of 1).
 *
 * <p>Fragments are pages of {@value #PAGE} changes in change-log order: {@code ?after=N} holds the changes
 * after sequence number N and, when more follow, a {@code tree:GreaterThanOrEqualToRelation} on
 * {@code as:published} to the next page. {@code /ldes} is the stream with its first page as view. A consumer
 * that follows the relations and applies each activity ends with exactly the hub's catalogue; one that stored
 * the last page's URL resumes from there. Turtle, JSON-LD, N-Triples or RDF/XML by {@code Accept} or
 * {@code ?format=}, with the services' descriptions in the default graph; or TriG or N-Quads, with each
 * description in the named graph of its member's IRI (what LDES clients and DIGG's conventions expect).
 *
 * <p>The stream names its members' shape ({@code tree:shape}, {@code <base>ldes#ActivityShape}: one
 * {@code as:object}, the service, and one {@code as:published}), described on the first page, and the first
 * page's view has a {@code tree:ViewDescription} with the retention policy.
 */
public final class EventStreamHandler {

    /** Changes per fragment. */
    public static final int PAGE = 100;
    static final List<RdfRepresentation> OFFERED = List.of(RdfRepresentation.TURTLE, RdfRepresentation.JSON_LD,
            RdfRepresentation.N_TRIPLES, RdfRepresentation.RDF_XML, RdfRepresentation.TRIG, RdfRepresentation.N_QUADS);
    static final String SHAPE_RESOURCE = "/se/insatsnavet/hub/ldes/service-activity-shape.ttl";

    private final Vertx vertx;
    private final ChangeLog log;
    private final CatalogStore store;
    private final HubIris iris;

    private final Model shape;

    private EventStreamHandler(Vertx vertx, ChangeLog log, CatalogStore store, HubIris iris) {
        this.vertx = vertx;
        this.log = log;
        this.store = store;
        this.iris = iris;
        this.shape = ModelFactory.createDefaultModel();
        try (InputStream in = EventStreamHandler.class.getResourceAsStream(SHAPE_RESOURCE)) {
            RDFParser.source(in).base(streamIri()).lang(Lang.TURTLE).parse(shape);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static EventStreamHandler create(Vertx vertx, ChangeLog log, CatalogStore store, HubIris iris) {
        return new EventStreamHandler(vertx, log, store, iris);
    }

    /** The IRI of the event stream. */
    public String streamIri() {
        return iris.base() + "ldes";
    }

    /** {@code GET /ldes[?after=N]}: the stream and its first fragment, or one fragment. */
    public Handler<RoutingContext> fragment() {
        return ctx -> {
            Optional<RdfRepresentation> r = representation(ctx);
            if (r.isEmpty()) {
                return;
            }
            boolean root = !ctx.queryParams().contains("after");
            long after;
            try {
                after = root ? 0 : Long.parseLong(QueryParams.matching(ctx, "after", "[0-9]{1,18}", "a change sequence number"));
            } catch (QueryParams.BadRequest | NumberFormatException e) {
                Responses.problem(ctx, 400, "Parameter 'after' must be a change sequence number");
                return;
            }
            boolean quads = QuadWriting.isQuads(r.get());
            Blocking.run(vertx, () -> {
                Dataset page = page(after, quads);
                return quads ? QuadWriting.write(page, r.get()) : RdfWriting.write(page.getDefaultModel(), r.get());
            }).onComplete(ar -> {
                if (ar.failed()) {
                    Responses.failed(ctx, ar.cause());
                    return;
                }
                Responses.send(ctx, 200, r.get().contentType(), ar.result());
            });
        };
    }

    /** {@code GET /ldes/event/:seq}: one member (the activity, without the service's description). */
    public Handler<RoutingContext> event() {
        return ctx -> {
            Optional<RdfRepresentation> r = representation(ctx);
            if (r.isEmpty()) {
                return;
            }
            String seq = ctx.pathParam("seq");
            if (!seq.matches("[0-9]{1,18}")) {
                Responses.problem(ctx, 404, "No event " + seq);
                return;
            }
            Blocking.run(vertx, () -> log.entry(Long.parseLong(seq)).map(e -> {
                Model m = model();
                activity(m, e);
                return m;
            })).onComplete(ar -> {
                if (ar.failed()) {
                    Responses.failed(ctx, ar.cause());
                } else if (ar.result().isEmpty()) {
                    Responses.problem(ctx, 404, "No event " + seq);
                } else if (QuadWriting.isQuads(r.get())) {
                    Dataset d = DatasetFactory.create(ar.result().get());
                    Responses.send(ctx, 200, r.get().contentType(), QuadWriting.write(d, r.get()));
                } else {
                    Responses.send(ctx, 200, r.get().contentType(), RdfWriting.write(ar.result().get(), r.get()));
                }
            });
        };
    }

    private static Optional<RdfRepresentation> representation(RoutingContext ctx) {
        return ContentNegotiation.forRequest(ctx, OFFERED);
    }

    /**
     * The fragment of the changes after {@code after} (blocking): with {@code quads}, each service's description
     * in the named graph of its newest member, else in the default graph.
     */
    Dataset page(long after, boolean quads) {
        List<ChangeLog.Entry> entries = log.after(after, null, PAGE + 1);
        boolean more = entries.size() > PAGE;
        if (more) {
            entries = entries.subList(0, PAGE);
        }
        Dataset page = DatasetFactory.create(model());
        Model m = page.getDefaultModel();
        Resource stream = m.createResource(streamIri()).addProperty(RDF.type, LDES.EventStream)
                .addProperty(LDES.timestampPath, AS.published)
                .addProperty(LDES.versionOfPath, AS.object)
                .addProperty(TREE.shape, m.createResource(streamIri() + "#ActivityShape"));
        Resource node = m.createResource(fragmentIri(after)).addProperty(RDF.type, TREE.Node);
        if (after == 0) {
            Resource retention = m.createResource(streamIri() + "#retention")
                    .addProperty(RDF.type, LDES.LatestVersionSubset)
                    .addLiteral(LDES.amount, m.createTypedLiteral(1));
            stream.addProperty(TREE.view, node).addProperty(LDES.retentionPolicy, retention);
            node.addProperty(TREE.viewDescription, m.createResource(streamIri() + "#view")
                    .addProperty(RDF.type, TREE.ViewDescription).addProperty(LDES.retentionPolicy, retention)
                    .addProperty(DCTerms.description, "Every change of the catalogue's services, oldest first, in pages of "
                            + PAGE + "; the newest change of a published service carries its description.", "en"));
            m.add(shape);
        }
        Map<String, Long> newest = log.newestSeqs(entries.stream().map(ChangeLog.Entry::serviceId).toList());
        Map<String, String> memberOfService = new HashMap<>();
        for (ChangeLog.Entry e : entries) {
            Resource activity = activity(m, e);
            stream.addProperty(TREE.member, activity);
            if (!e.action().equals("deleted") && newest.getOrDefault(e.serviceId(), e.seq()) == e.seq()) {
                memberOfService.put(e.uri(iris), activity.getURI());
            }
        }
        // the page's services read together (a few queries on a remote store instead of several per service)
        store.describeEach(List.copyOf(memberOfService.keySet()), (iri, description) -> {
            if (quads) {
                page.getNamedModel(memberOfService.get(iri)).add(description);
            } else {
                m.add(description);
            }
        });
        if (more) {
            ChangeLog.Entry last = entries.get(entries.size() - 1);
            NextFragment.link(m, node, fragmentIri(after), fragmentIri(last.seq()), last.at());
        }
        return page;
    }

    private Resource activity(Model m, ChangeLog.Entry e) {
        Resource type = switch (e.action()) {
            case "added" -> AS.Create;
            case "deleted" -> AS.Delete;
            default -> AS.Update;
        };
        return m.createResource(iris.base() + "ldes/event/" + e.seq()).addProperty(RDF.type, type)
                .addProperty(AS.object, m.createResource(e.uri(iris)))
                .addProperty(AS.published, m.createTypedLiteral(e.at().toString(), XSDDatatype.XSDdateTime));
    }

    private String fragmentIri(long after) {
        return streamIri() + "?after=" + after;
    }

    private static Model model() {
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefix("ldes", LDES.NS).setNsPrefix("tree", TREE.NS).setNsPrefix("as", AS.NS)
                .setNsPrefix("xsd", XSDDatatype.XSD + "#");
        return m;
    }
}
