/** Federations as configuration: descriptors loaded from a folder (or the bundled examples), registered and described. */
package se.insatsnavet.hub.federations;
