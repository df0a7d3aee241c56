/** Dereferenceable URIs: content negotiation and the representations (RDF syntaxes, canonical JSON, HTML) of a resource. */
package se.insatsnavet.hub.linkeddata;
