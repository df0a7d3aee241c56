/**
 * Bulk dumps (N-Quads, Turtle per federation, NDJSON, the further formats such as the HSDS package), rebuilt after
 * each change and served with size and checksum: {@link se.insatsnavet.hub.dumps.Dumps} schedules the rebuilds,
 * {@code DumpRebuild} writes the parts and dumps, {@code DumpFiles} lists the files with their digests.
 */
package se.insatsnavet.hub.dumps;
