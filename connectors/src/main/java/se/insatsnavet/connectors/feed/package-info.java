/**
 * The {@code insats-feed} component: services published as an RSS 2.0 or Atom feed (title, summary, link,
 * categories, dates), read with a parser that refuses DTDs and external entities.
 */
package se.insatsnavet.connectors.feed;
