/** The HTTP layer: the router of the hub and the small handlers on it; nothing here blocks the event loop. */
package se.insatsnavet.hub.http;
