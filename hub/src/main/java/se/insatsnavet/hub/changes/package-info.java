/** Change feeds for consumers: the change log every import writes, paged by sequence token or time. */
package se.insatsnavet.hub.changes;
