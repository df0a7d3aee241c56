package se.insatsnavet.connectors.source;

import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Base of every source component: parses the {@code <federationId>/<sourceId>} path shared by all source
 * URIs, lets the subclass create its endpoint, then binds the URI options to the endpoint's typed
 * {@code @UriParam} properties (an unknown option fails the endpoint's creation).
 */
public abstract class SourceComponent extends DefaultComponent {

    /** Federation and source ids are codes, as in the federation descriptor. */
    private static final Pattern CODE = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

    @Override
    protected final Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        String path = remaining == null ? "" : remaining;
        int slash = path.indexOf('/');
        if (slash < 0 || path.indexOf('/', slash + 1) >= 0) {
            throw new IllegalArgumentException("expected <federationId>/<sourceId> after the scheme, got '" + path + "'");
        }
        String federationId = path.substring(0, slash);
        String sourceId = path.substring(slash + 1);
        requireCode("federationId", federationId);
        requireCode("sourceId", sourceId);
        SourceEndpoint endpoint = createSourceEndpoint(uri, federationId, sourceId);
        endpoint.setFederationId(federationId);
        endpoint.setSourceId(sourceId);
        setProperties(endpoint, parameters);
        afterConfiguration(endpoint);
        return endpoint;
    }

    /** Creates the (not yet configured) endpoint of this source kind. */
    protected abstract SourceEndpoint createSourceEndpoint(String uri, String federationId, String sourceId) throws Exception;

    /** Called once the URI options are bound: validate the combination of options here. */
    protected void afterConfiguration(SourceEndpoint endpoint) throws Exception {
    }

    private static void requireCode(String name, String value) {
        if (!CODE.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " '" + value
                    + "' is not a code (lower-case letters and digits separated by single hyphens)");
        }
    }
}
