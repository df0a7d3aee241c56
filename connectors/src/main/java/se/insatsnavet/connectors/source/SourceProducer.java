package se.insatsnavet.connectors.source;

import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;

/**
 * Reads the source on demand: the exchange's body becomes the {@link SourceBatch} (the incoming body is
 * ignored), e.g. {@code producerTemplate.requestBody(uri, null, SourceBatch.class)} for a manual sync or a
 * validation run. A failed read fails the exchange.
 */
public class SourceProducer extends DefaultProducer {

    public SourceProducer(SourceEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public SourceEndpoint getEndpoint() {
        return (SourceEndpoint) super.getEndpoint();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        SourceBatch batch = getEndpoint().read();
        exchange.getMessage().setBody(batch);
        exchange.getMessage().setHeader(SourceHeaders.FEDERATION, batch.federationId());
        exchange.getMessage().setHeader(SourceHeaders.SOURCE, batch.sourceId());
    }
}
