/**
 * Import runs: from a source batch to published services (map, validate, convert, diff, one transaction),
 * the run reports, record hashes and change log, and the Camel routes that schedule each source.
 */
package se.insatsnavet.hub.imports;
