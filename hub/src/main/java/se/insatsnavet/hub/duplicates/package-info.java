/**
 * Likely duplicates across federations (the same service listed by two federations, or by a federation and
 * an agency): candidates found by blocking on shared title words within a municipality and on shared contact
 * details, scored with their reasons; editors confirm or reject them (never merged automatically), and
 * confirmed pairs are published as owl:sameAs and skos:exactMatch in the links graph.
 *
 * <p>{@link se.insatsnavet.hub.duplicates.DuplicatesModule} is the package's {@link se.insatsnavet.hub.HubModule}: the
 * one place its parts are started, wired to the rest of the hub and given their routes (listed in
 * {@link se.insatsnavet.hub.HubModules}).
 */
package se.insatsnavet.hub.duplicates;
