package se.insatsnavet.hub.linkcheck;

import java.time.Instant;

/**
 * What checking one web address found.
 *
 * @param url       the address
 * @param outcome   {@link #OK} (it answered 2xx or 3xx), {@link #BROKEN} (4xx or 5xx), {@link #TIMEOUT} (no answer
 *                  in time), {@link #UNREACHABLE} (no connection: unknown host, refused …) or {@link #REFUSED}
 *                  (not checked: not an http(s) address on the public internet)
 * @param status    the HTTP status, or null when there was no answer
 * @param checkedAt when
 */
public record LinkResult(String url, String outcome, Integer status, Instant checkedAt) {

    public static final String OK = "ok";
    public static final String BROKEN = "broken";
    public static final String TIMEOUT = "timeout";
    public static final String UNREACHABLE = "unreachable";
    public static final String REFUSED = "refused";

    public boolean reachable() {
        return OK.equals(outcome);
    }

    /** Why the address counts as not reachable, in plain English (the detail of a quality reason). */
    public String detail() {
        return switch (outcome) {
            case BROKEN -> "HTTP " + status;
            case TIMEOUT -> "no answer in time";
            case UNREACHABLE -> "no connection";
            case REFUSED -> "not a public http(s) address";
            default -> "reachable";
        };
    }
}
