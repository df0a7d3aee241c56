/** Tests of the operational database's pool and transactions. */
package se.insatsnavet.hub.db;
