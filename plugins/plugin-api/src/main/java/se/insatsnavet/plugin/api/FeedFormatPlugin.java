package se.insatsnavet.plugin.api;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An extra published representation of services. The hub serves it on every service URI under content
 * negotiation (its {@link #mediaType()}) and with {@code ?format=}{@link #formatName()}, and lists it in the DCAT
 * catalogue.
 */
public interface FeedFormatPlugin extends PluginFactory {

    /** Media type of the representation, e.g. {@code text/calendar}. */
    String mediaType();

    /** Short name for {@code ?format=} (lower case, digits and '-'; not one of the hub's own: ttl, jsonld, nt, rdf, json, html, schemaorg). */
    String formatName();

    /** A title for the DCAT distribution, e.g. "Services as iCalendar". */
    default String title() {
        return formatName();
    }

    /**
     * The representation of one service.
     *
     * @param service    the service's canonical JSON ({@code service.schema.json}) with {@code id} and {@code federation}
     * @param serviceUri the service's URI
     */
    String render(ObjectNode service, String serviceUri);
}
