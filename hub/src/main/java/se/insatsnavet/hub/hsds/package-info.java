/**
 * The catalogue as an Open Referral HSDS 3 API under {@code /hsds/}: services (full or minimal, paged in
 * HSDS's Page wrapper, or as NDJSON) and the target-group and method schemes as taxonomies and taxonomy
 * terms. HSDS needs UUIDs: each is derived from the resource's IRI (name-based), so it is stable.
 */
package se.insatsnavet.hub.hsds;
