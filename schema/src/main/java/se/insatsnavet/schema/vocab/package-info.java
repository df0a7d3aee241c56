/**
 * Vocabulary constants and IRIs: {@link se.insatsnavet.schema.vocab.INSV} (the hub's own ontology),
 * {@link se.insatsnavet.schema.vocab.CPSV}, {@link se.insatsnavet.schema.vocab.M8G} /
 * {@link se.insatsnavet.schema.vocab.CV}, {@link se.insatsnavet.schema.vocab.ADMS},
 * {@link se.insatsnavet.schema.vocab.PROV}, {@link se.insatsnavet.schema.vocab.TIME},
 * {@link se.insatsnavet.schema.vocab.LOCN} (terms Jena lacks), and
 * {@link se.insatsnavet.schema.vocab.HubIris}, the only place where the hub's IRIs are built.
 */
package se.insatsnavet.schema.vocab;
