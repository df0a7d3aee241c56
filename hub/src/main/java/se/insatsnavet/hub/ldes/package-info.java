/**
 * Linked Data Event Streams: the catalogue's services as a stream ({@code /ldes}: the change log as Activity
 * Streams activities, fragmented into pages a linked-data consumer follows to replicate the catalogue; TriG and
 * N-Quads put each description in its member's named graph), and the DCAT-AP catalogue itself as an LDES DCAT-AP
 * feed ({@code /catalog/feed}: each create, update and delete of a catalogue entity, recorded in
 * {@code dcat_feed}, for Sweden's data portal).
 *
 * <p>{@link se.insatsnavet.hub.ldes.LdesModule} is the package's {@link se.insatsnavet.hub.HubModule}: the one place
 * its parts are started, wired to the rest of the hub and given their routes (listed in
 * {@link se.insatsnavet.hub.HubModules}).
 */
package se.insatsnavet.hub.ldes;
