package se.insatsnavet.connectors.http;

/** How an HTTP JSON API splits its records over pages. */
public enum Paging {
    /** One response holds every record. */
    NONE,
    /** {@code ?page=1&per_page=100}, {@code page=2} ... until a page holds fewer than {@code pageSize} records. */
    PAGE,
    /** {@code ?offset=0&limit=100}, {@code offset=100} ... until a page holds fewer than {@code pageSize} records. */
    OFFSET,
    /** Follow the next page's URL, from the JSON at {@code nextPath} or the {@code Link: <…>; rel="next"} header. */
    LINK
}
