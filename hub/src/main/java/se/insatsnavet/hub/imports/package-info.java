/**
 * Import runs: from a source batch to published services, the run reports, record hashes and change log, and the
 * Camel routes that schedule each source. {@link se.insatsnavet.hub.imports.ImportService} is the entry point (locks,
 * listeners, runs that only delete); its {@code ServiceImport} composes an import from stages of one job each (skip
 * the unchanged, map, check, diff, convert, check shapes, find deletions, guard, write), in that order, in one method.
 * {@link se.insatsnavet.hub.imports.ImportRoutes} adds and runs each source's routes ({@code SourceRouteBuilders},
 * {@code SourceEndpoints}); {@link se.insatsnavet.hub.imports.RunRepository} keeps the runs ({@code RunMessages},
 * {@code RecordHashes}, {@code ChangeLogEntries} hold the SQL of the rest). Plugins are reached only through
 * {@link se.insatsnavet.hub.imports.RecordPlugins}, which the plugin host implements: this package names no class of
 * the plugins package.
 *
 * <p>{@link se.insatsnavet.hub.imports.ImportsModule} is the package's {@link se.insatsnavet.hub.HubModule}: the one
 * place its parts are started, wired to the rest of the hub and given their routes (listed in
 * {@link se.insatsnavet.hub.HubModules}).
 */
package se.insatsnavet.hub.imports;
