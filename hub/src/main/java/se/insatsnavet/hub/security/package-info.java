/** Writes need a bearer token (admin or one federation), stored hashed, managed by the CLI; every write is audit-logged. */
package se.insatsnavet.hub.security;
