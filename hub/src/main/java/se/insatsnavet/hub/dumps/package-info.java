/** Bulk dumps (N-Quads, Turtle per federation, NDJSON), rebuilt after each change and served with size and checksum. */
package se.insatsnavet.hub.dumps;
