/**
 * The {@code insats-hsds} component: Open Referral HSDS, both as an API ({@code /services}, paged, full
 * service objects) and as a tabular data package (datapackage.json and CSV files, a folder or a zip, local or
 * over HTTP), in the HSDS 3.x layout and the older 1.1/2.0 layout. Every source gives one record per service
 * in the shape of an HSDS 3 full service object, which the built-in {@code hsds} mapping maps to the
 * vocabulary.
 */
package se.insatsnavet.connectors.hsds;
