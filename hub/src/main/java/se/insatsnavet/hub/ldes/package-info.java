/**
 * The catalogue as a Linked Data Event Stream ({@code /ldes}): the change log as Activity Streams
 * activities (the DCAT-AP Feeds approach), fragmented into pages a linked-data consumer follows to replicate
 * the catalogue.
 */
package se.insatsnavet.hub.ldes;
