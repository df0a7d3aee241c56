/**
 * Min plan: a person's own plan (their goal, sub-goals and small steps, and the services and guides they chose)
 * that lives only in their browser's local storage or in a file they keep. The hub serves the page
 * ({@link se.insatsnavet.hub.plan.MinPlanPage}), the reusable "Lägg till i Min plan" control any page renders
 * ({@link se.insatsnavet.hub.plan.PlanButton}) and the static scripts {@code webroot/min-plan-data.js} (the plan's
 * format, storage and files) and {@code webroot/min-plan.js} (the controls); it never
 * receives the plan: no endpoint takes it, the script sends no request with it, no cookie, no account.
 *
 * <p>{@link se.insatsnavet.hub.plan.PlanModule} is the package's {@link se.insatsnavet.hub.HubModule}: the one place
 * its parts are started, wired to the rest of the hub and given their routes (listed in
 * {@link se.insatsnavet.hub.HubModules}).
 */
package se.insatsnavet.hub.plan;
