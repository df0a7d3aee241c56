/**
 * The {@code insats-http} component: a federation's catalogue from an HTTP JSON API, polled on the
 * federation's schedule, with paging (page number, offset or next link), a record path and conditional
 * requests.
 */
package se.insatsnavet.connectors.http;
