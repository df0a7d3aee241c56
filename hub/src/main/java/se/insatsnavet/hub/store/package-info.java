/** The Jena dataset the hub publishes from (TDB2 on disk by default), with a transaction around every access. */
package se.insatsnavet.hub.store;
