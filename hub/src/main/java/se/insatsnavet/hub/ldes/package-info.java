/**
 * Linked Data Event Streams: the catalogue's services as a stream ({@code /ldes}: the change log as Activity
 * Streams activities, fragmented into pages a linked-data consumer follows to replicate the catalogue; TriG and
 * N-Quads put each description in its member's named graph), and the DCAT-AP catalogue itself as an LDES DCAT-AP
 * feed ({@code /catalog/feed}: each create, update and delete of a catalogue entity, recorded in
 * {@code dcat_feed}, for Sweden's data portal).
 */
package se.insatsnavet.hub.ldes;
