/**
 * The federation descriptor ({@code federation.json}): the model ({@link se.insatsnavet.connectors.descriptor.FederationDescriptor},
 * {@link se.insatsnavet.connectors.descriptor.SourceDescriptor}, {@link se.insatsnavet.connectors.descriptor.Schedule}) and
 * the {@link se.insatsnavet.connectors.descriptor.DescriptorLoader}, which validates against the federation JSON Schema
 * and reports every problem with its file and field in a {@link se.insatsnavet.connectors.descriptor.DescriptorException}.
 */
package se.insatsnavet.connectors.descriptor;
