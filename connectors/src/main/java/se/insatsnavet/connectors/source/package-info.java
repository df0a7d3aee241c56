/**
 * The shape every source connector shares.
 *
 * <p>A connector for a source kind is a Camel component ({@link se.insatsnavet.connectors.source.SourceComponent}
 * subclass, URI {@code <scheme>:<federationId>/<sourceId>?options}) whose endpoint
 * ({@link se.insatsnavet.connectors.source.SourceEndpoint} subclass) declares typed {@code @UriParam} options and
 * implements {@code read()}, turning the source into a {@link se.insatsnavet.connectors.source.SourceBatch} of
 * {@link se.insatsnavet.connectors.source.RawRecord}s and {@link se.insatsnavet.connectors.source.SourceProblem}s.
 * The shared {@link se.insatsnavet.connectors.source.SourceConsumer} polls it (emitting only changed content by
 * default) and the shared {@link se.insatsnavet.connectors.source.SourceProducer} reads it on demand; both set the
 * {@link se.insatsnavet.connectors.source.SourceHeaders}.</p>
 */
package se.insatsnavet.connectors.source;
