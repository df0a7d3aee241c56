/**
 * JMH micro-benchmarks of the hub's hot paths: record mapping, canonical JSON to RDF, content negotiation and a
 * catalogue search. Run them with {@code java -jar bench/target/benchmarks.jar} (see bench/README.md).
 */
package se.insatsnavet.bench.jmh;
