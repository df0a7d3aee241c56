/**
 * The built-in JSON Feed connector (source kind {@code jsonfeed}): JSON Feed 1.1 items as records, delivered
 * through the plugin API.
 */
package se.insatsnavet.plugins.jsonfeed;
