/**
 * The public Swedish web pages: search (services, and the guidance articles matching the words beside them) and the
 * guided finder, the editors' quality page, and the coverage map
 * (drawn server-side from the bundled sweden-map.svg); without JavaScript, no cookies, no tracking, escaped output.
 */
package se.insatsnavet.hub.web;
