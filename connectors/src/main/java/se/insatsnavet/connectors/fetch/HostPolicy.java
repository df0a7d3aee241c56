package se.insatsnavet.connectors.fetch;

import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The hosts a source may be read from: only {@code http} and {@code https} URLs whose host is in the set, so
 * a next-page link, a redirect or a data-package resource cannot send the hub anywhere else (SSRF). By
 * default the set holds just the host of the source's location.
 */
public final class HostPolicy {

    private final Set<String> allowed;

    private HostPolicy(Set<String> allowed) {
        this.allowed = allowed;
    }

    /**
     * The policy of a source at {@code location}: the hosts listed in {@code allowedHosts} (comma-separated),
     * or, when that is empty, the location's own host.
     */
    public static HostPolicy of(URI location, String allowedHosts) {
        if (allowedHosts != null && !allowedHosts.isBlank()) {
            return new HostPolicy(Arrays.stream(allowedHosts.split(","))
                    .map(h -> h.trim().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty())
                    .collect(Collectors.toUnmodifiableSet()));
        }
        if (location.getHost() == null) {
            throw new IllegalArgumentException("'" + location + "' has no host");
        }
        return new HostPolicy(Set.of(location.getHost().toLowerCase(Locale.ROOT)));
    }

    /** Whether {@code uri} may be fetched. */
    public boolean allows(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                && allowed.contains(uri.getHost().toLowerCase(Locale.ROOT));
    }

    /** Throws unless {@code uri} may be fetched. */
    public void check(String owner, URI uri) throws IOException {
        if (!allows(uri)) {
            throw new IOException(owner + ": refused to fetch " + uri + ": only http(s) URLs on " + allowed
                    + " are allowed (option allowedHosts)");
        }
    }
}
