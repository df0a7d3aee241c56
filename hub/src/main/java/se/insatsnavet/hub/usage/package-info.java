/**
 * Anonymous usage statistics of the public pages and APIs: searches without hits (their normalised words),
 * searches per target group and municipality, guided-finder answer paths and services viewed, counted in
 * memory per day, flushed to the database in batches on a worker, and published as open data per day. No
 * IP addresses, cookies or user agents are seen or kept.
 */
package se.insatsnavet.hub.usage;
