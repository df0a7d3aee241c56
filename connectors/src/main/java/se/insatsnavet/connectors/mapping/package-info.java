/**
 * The declarative record mapper: a source's {@code mapping} (fields, value maps, defaults) applied to
 * {@link se.insatsnavet.connectors.source.RawRecord}s gives canonical service descriptions
 * ({@link se.insatsnavet.connectors.mapping.MappingResult}) with per-record warnings and errors
 * ({@link se.insatsnavet.connectors.mapping.RecordMessage}). Free-text concept values are resolved through the
 * hub's {@link se.insatsnavet.connectors.mapping.ConceptMatcher} after the descriptor's own value maps.
 * {@link se.insatsnavet.connectors.mapping.RecordMapper} compiles a mapping into
 * {@link se.insatsnavet.connectors.mapping.FieldRule}s for the {@link se.insatsnavet.connectors.mapping.CanonicalField}s;
 * a {@link se.insatsnavet.connectors.mapping.RecordMapping} maps one record, reading its values with
 * {@link se.insatsnavet.connectors.mapping.RawValues}.
 */
package se.insatsnavet.connectors.mapping;
