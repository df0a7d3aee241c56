/**
 * The opt-in contact link check: for a federation that switches it on in its descriptor ({@code linkCheck}),
 * the web addresses of its services are checked after each import run with HEAD (GET when HEAD is not
 * allowed), one request at a time per host with a pause between them and a time-out, public addresses only;
 * the results are stored and reported as quality reasons.
 *
 * <p>{@link se.insatsnavet.hub.linkcheck.LinkCheckModule} is the package's {@link se.insatsnavet.hub.HubModule}: the
 * one place its parts are started, wired to the rest of the hub and given their routes (listed in
 * {@link se.insatsnavet.hub.HubModules}).
 */
package se.insatsnavet.hub.linkcheck;
