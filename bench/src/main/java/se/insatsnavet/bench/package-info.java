/**
 * Benchmarks of the hub: {@link se.insatsnavet.bench.CatalogueGenerator} writes a synthetic, deterministic
 * federations folder; {@link se.insatsnavet.bench.Harness} starts the hub on it and measures import, re-sync,
 * HTTP throughput and latency, SPARQL, memory, start-up and dumps, each beside its baseline (TDB2 bulk loader,
 * a Vert.x hello world, Fuseki), appending the table to BENCHMARKS.md; {@link se.insatsnavet.bench.LoadGenerator}
 * is its closed-loop HTTP client. The {@code jmh} package holds JMH micro-benchmarks of the hot paths.
 */
package se.insatsnavet.bench;
