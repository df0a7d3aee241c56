/**
 * The {@code insats-wordpress} component: services kept as posts or a custom post type on a WordPress site,
 * read through the WordPress REST API ({@code /wp-json/wp/v2/<type>}) with their custom fields and taxonomy
 * terms.
 */
package se.insatsnavet.connectors.wordpress;
