/**
 * Quality and coverage of the catalogue: a score per service with its reasons (completeness of the
 * recommended fields, freshness, well-formed contact details, plain language) summed up per federation, and
 * the coverage of every municipality and county by target group and method, with the gaps.
 */
package se.insatsnavet.hub.quality;
