/** The DCAT-AP 3 catalogue of the hub's datasets, distributions and data services. */
package se.insatsnavet.hub.dcat;
