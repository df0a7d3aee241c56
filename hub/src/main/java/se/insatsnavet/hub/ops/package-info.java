/** Operating the hub: Prometheus metrics ({@code /metrics}), the backup command and the start-up step timings. */
package se.insatsnavet.hub.ops;
