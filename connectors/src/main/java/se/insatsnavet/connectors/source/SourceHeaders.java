package se.insatsnavet.connectors.source;

import org.apache.camel.spi.Metadata;

/** Message headers set by every source connector, consumer and producer alike. */
public final class SourceHeaders {

    @Metadata(description = "The federation id of the source (the first path part of the endpoint URI).", javaType = "String")
    public static final String FEDERATION = "InsatsnavetFederation";

    @Metadata(description = "The source id within the federation (the second path part of the endpoint URI).", javaType = "String")
    public static final String SOURCE = "InsatsnavetSource";

    private SourceHeaders() {
    }
}
