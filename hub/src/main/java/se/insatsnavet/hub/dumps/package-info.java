/**
 * Bulk dumps (N-Quads, Turtle per federation, NDJSON, the further formats such as the HSDS package), rebuilt after
 * each change and served with size and checksum: {@link se.insatsnavet.hub.dumps.Dumps} schedules the rebuilds,
 * {@code DumpRebuild} writes the parts and dumps, {@code DumpFiles} lists the files with their digests.
 *
 * <p>{@link se.insatsnavet.hub.dumps.DumpsModule} is the package's {@link se.insatsnavet.hub.HubModule}: the one place
 * its parts are started, wired to the rest of the hub and given their routes (listed in
 * {@link se.insatsnavet.hub.HubModules}).
 */
package se.insatsnavet.hub.dumps;
