package se.insatsnavet.hub.changes;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import se.insatsnavet.hub.http.Blocking;
import se.insatsnavet.hub.http.Responses;
import se.insatsnavet.schema.vocab.HubIris;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Atom 1.0 feeds of the newest changes: {@code /feeds/changes.atom} (national) and
 * {@code /feeds/{federation}.atom}. Each entry is one add, update or removal and links to the service's
 * URI. An entry is titled by the service's Swedish name (another language's when it has none) as published
 * now; a removed service's name is no longer published, so its entry names its id. Removals say so in the
 * title. Written with StAX, so every text is escaped.
 */
public final class AtomFeedHandler implements Handler<RoutingContext> {

    public static final int ENTRIES = 100;
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private final Vertx vertx;
    private final ChangeLog log;
    private final HubIris iris;
    private final Predicate<String> federationExists;
    private final Function<String, String> federationNames;
    private final Function<Collection<String>, Map<String, String>> serviceNames;

    private AtomFeedHandler(Vertx vertx, ChangeLog log, HubIris iris, Predicate<String> federationExists,
                            Function<String, String> federationNames, Function<Collection<String>, Map<String, String>> serviceNames) {
        this.vertx = vertx;
        this.log = log;
        this.iris = iris;
        this.federationExists = federationExists;
        this.federationNames = federationNames;
        this.serviceNames = serviceNames;
    }

    /**
     * @param serviceNames the published names of services by id (blocking: called on a worker); a service not
     *                     published has none
     */
    public static AtomFeedHandler create(Vertx vertx, ChangeLog log, HubIris iris, Predicate<String> federationExists,
                                         Function<String, String> federationNames,
                                         Function<Collection<String>, Map<String, String>> serviceNames) {
        return new AtomFeedHandler(vertx, log, iris, federationExists, federationNames, serviceNames);
    }

    @Override
    public void handle(RoutingContext ctx) {
        String name = ctx.pathParam("feed");
        String federation = "changes".equals(name) ? null : name;
        if (federation != null && !federationExists.test(federation)) {
            Responses.problem(ctx, 404, "No federation with id '" + federation + "'");
            return;
        }
        String self = iris.endpoint("feeds/" + name + ".atom");
        Blocking.run(vertx, () -> {
            List<ChangeLog.Entry> entries = log.newest(federation, ENTRIES);
            Map<String, String> names = serviceNames.apply(entries.stream().map(ChangeLog.Entry::serviceId).toList());
            return render(self, federation, entries, names);
        }).onComplete(ar -> {
            if (ar.failed()) {
                Responses.failed(ctx, ar.cause());
            } else {
                Responses.send(ctx, 200, "application/atom+xml; charset=utf-8", ar.result());
            }
        });
    }

    private String render(String self, String federation, List<ChangeLog.Entry> entries, Map<String, String> names)
            throws XMLStreamException {
        StringWriter out = new StringWriter();
        XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        x.writeStartDocument("UTF-8", "1.0");
        x.writeStartElement("feed");
        x.writeDefaultNamespace(ATOM);
        element(x, "id", self);
        element(x, "title", federation == null ? "Insatsnavet: ändringar i alla samordningsförbunds insatser"
                : "Insatsnavet: ändringar i " + federationNames.apply(federation));
        element(x, "updated", (entries.isEmpty() ? Instant.EPOCH : entries.get(0).at()).toString());
        x.writeStartElement("author");
        element(x, "name", "Insatsnavet");
        x.writeEndElement();
        link(x, "self", self, "application/atom+xml");
        for (ChangeLog.Entry e : entries) {
            String uri = e.uri(iris);
            x.writeStartElement("entry");
            element(x, "id", uri + "#change-" + e.seq());
            element(x, "title", title(e, names.getOrDefault(e.serviceId(), e.serviceId())));
            element(x, "updated", e.at().toString());
            link(x, "alternate", uri, "text/html");
            element(x, "summary", e.serviceId() + " (" + federationNames.apply(e.federationId()) + "): " + e.action());
            x.writeStartElement("category");
            x.writeAttribute("term", e.action());
            x.writeEndElement();
            x.writeStartElement("category");
            x.writeAttribute("term", e.recordType());
            x.writeAttribute("scheme", iris.base() + "changes#type");
            x.writeEndElement();
            x.writeEndElement();
        }
        x.writeEndElement();
        x.writeEndDocument();
        x.close();
        return out.toString();
    }

    private static String title(ChangeLog.Entry e, String name) {
        String what = e.ofArticle() ? "text" : "insats";
        return switch (e.action()) {
            case "added" -> "Ny " + what + ": " + name;
            case "deleted" -> "Borttagen " + what + ": " + name;
            default -> "Ändrad " + what + ": " + name;
        };
    }

    private static void element(XMLStreamWriter x, String name, String text) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(text);
        x.writeEndElement();
    }

    private static void link(XMLStreamWriter x, String rel, String href, String type) throws XMLStreamException {
        x.writeStartElement("link");
        x.writeAttribute("rel", rel);
        x.writeAttribute("href", href);
        x.writeAttribute("type", type);
        x.writeEndElement();
    }
}
