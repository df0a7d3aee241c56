/**
 * A tiny plugin bundle for {@code PluginWaitTest}: its classes are packed into a bundle jar at test time (Felix
 * loads them from that jar, not from the test class path) and dropped into a running hub's plugins folder, once
 * as edition 1 and then replaced by edition 2.
 */
package se.insatsnavet.hub.editionbundle;
