/**
 * Min plan: a person's own plan (their goal, sub-goals and small steps, and the services and guides they chose)
 * that lives only in their browser's local storage or in a file they keep. The hub serves the page
 * ({@link se.insatsnavet.hub.plan.MinPlanPage}), the reusable "Lägg till i Min plan" control any page renders
 * ({@link se.insatsnavet.hub.plan.PlanButton}) and the static script {@code webroot/min-plan.js}; it never
 * receives the plan: no endpoint takes it, the script sends no request with it, no cookie, no account.
 */
package se.insatsnavet.hub.plan;
