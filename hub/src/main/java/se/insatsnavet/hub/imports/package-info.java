/**
 * Import runs: from a source batch to published services, the run reports, record hashes and change log, and the
 * Camel routes that schedule each source. {@link se.insatsnavet.hub.imports.ImportService} composes an import from
 * stages of one job each (skip the unchanged, map, check, diff, convert, check shapes, find deletions, guard,
 * write), in that order, in one method.
 */
package se.insatsnavet.hub.imports;
