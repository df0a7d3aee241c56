/**
 * Dereferenceable URIs: content negotiation and the representations (RDF syntaxes, canonical JSON, HTML) of a resource.
 *
 * <p>{@link se.insatsnavet.hub.linkeddata.LinkedDataModule} is the package's {@link se.insatsnavet.hub.HubModule}: the
 * one place its parts are started, wired to the rest of the hub and given their routes (listed in
 * {@link se.insatsnavet.hub.HubModules}).
 */
package se.insatsnavet.hub.linkeddata;
