/**
 * JSON Schemas of the hub (canonical service description, federation descriptor) and their validation
 * with the networknt validator, reporting each problem by field.
 */
package se.insatsnavet.schema.json;
