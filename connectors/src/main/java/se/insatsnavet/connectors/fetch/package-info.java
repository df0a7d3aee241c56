/**
 * Reading a source over HTTP, shared by every connector whose location is a URL: time-outs, a size cap,
 * conditional requests (ETag / Last-Modified: a 304 re-uses the last body), redirects followed only to
 * allowed hosts, and errors that name the URL and the status.
 */
package se.insatsnavet.connectors.fetch;
