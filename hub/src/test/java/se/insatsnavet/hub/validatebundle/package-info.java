/**
 * A tiny plugin bundle for {@code ValidateCommandTest}: its classes are packed into a bundle jar at test time
 * (Felix loads them from that jar, not from the test class path) and given to {@code validate --plugins DIR}.
 */
package se.insatsnavet.hub.validatebundle;
