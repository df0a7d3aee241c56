/** The public Swedish web pages: search without JavaScript, no cookies, no tracking, escaped output. */
package se.insatsnavet.hub.web;
