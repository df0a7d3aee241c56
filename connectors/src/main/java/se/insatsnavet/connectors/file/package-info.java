/**
 * The {@code insats-file} connector: a federation's catalogue as a local CSV, JSON or NDJSON file
 * ({@code insats-file:<federationId>/<sourceId>?path=...&format=csv}). See {@link se.insatsnavet.connectors.file.FileSourceEndpoint}
 * for the options; the component is discovered by Camel from {@code META-INF/services}.
 */
package se.insatsnavet.connectors.file;
