/** The built-in CSV feed format: a service as one CSV row ({@code ?format=csv}), delivered through the plugin API. */
package se.insatsnavet.plugins.feedcsv;
