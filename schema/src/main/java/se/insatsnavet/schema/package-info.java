/**
 * The hub's reference data and checks: {@link se.insatsnavet.schema.Vocabulary} (ontology, SKOS concept
 * schemes and SCB places parsed with the hub's base URI, with lookups), {@link se.insatsnavet.schema.ConceptIndex}
 * (free text → concept code, case- and diacritic-insensitive), {@link se.insatsnavet.schema.Shapes} (the hub's
 * SHACL shapes and the official CPSV-AP ones) and {@link se.insatsnavet.schema.ShaclCheck} (validation with
 * readable messages). Sub-packages: {@code vocab} (IRI constants, {@code HubIris}), {@code rdf} (JSON ⇄ RDF),
 * {@code json} (JSON Schemas).
 */
package se.insatsnavet.schema;
