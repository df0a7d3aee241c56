/** The operational database (H2 file by default, PostgreSQL by configuration), migrated by Flyway. */
package se.insatsnavet.hub.db;
