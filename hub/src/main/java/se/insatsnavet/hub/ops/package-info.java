/** Operating the hub: Prometheus metrics ({@code /metrics}) and the backup command. */
package se.insatsnavet.hub.ops;
