/** Testing plugins without a hub, with the hub's own JSON Schema and SHACL checks. */
package se.insatsnavet.plugin.testkit;
