/** The read-only SPARQL 1.1 endpoint over the catalogue, with a time-out and a result cap. */
package se.insatsnavet.hub.sparql;
