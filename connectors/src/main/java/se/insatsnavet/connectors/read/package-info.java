/**
 * Format readers shared by the source connectors: CSV (delimiter detection, malformed rows isolated; its logical
 * records cut by {@link se.insatsnavet.connectors.read.CsvScanner}), JSON documents with a record path, NDJSON,
 * and text decoding (UTF-8 or windows-1252). Each turns text into
 * {@link se.insatsnavet.connectors.source.RawRecord}s and {@link se.insatsnavet.connectors.source.SourceProblem}s.
 */
package se.insatsnavet.connectors.read;
