package se.insatsnavet.connectors.source;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledPollConsumer;

import java.util.Objects;

/**
 * Polls a {@link SourceEndpoint}: each poll reads the source and sends one exchange whose body is the
 * {@link SourceBatch} - unless {@code onlyWhenChanged} is set and the fingerprint equals the last one
 * emitted successfully.
 *
 * <p>A source with a {@linkplain SourceEndpoint#changeToken() change token} (a file's size and modification
 * time) is read only once the token has stayed the same for one whole poll interval: a file still being
 * written (growing, or touched again) is left alone until its writer has finished, so it is never read
 * half-written (the "changed" read lock of Camel's file component, with the poll interval as its check
 * interval). A file moved into place whole is sent one interval after it appeared: it is read as soon as its
 * change is seen after a quiet spell, and that read is sent if the token is still the same at the next poll (a
 * file still changing then is read again once it stayed the same for a whole interval). With
 * {@code readAtFirstPoll=false} the first poll only notes the token (the source is read at start anyway),
 * unless the source changed after the endpoint was made (perhaps after that read).</p>
 *
 * <p>A failed read is thrown from {@link #poll()}, so Camel's poll strategy logs it and the
 * {@code backoff*} options apply; the remembered fingerprint is then left alone. A batch whose routing
 * fails is handed to the consumer's exception handler and is not remembered either, so the next poll
 * sends it again.</p>
 */
public class SourceConsumer extends ScheduledPollConsumer {

    private volatile String lastFingerprint;
    private volatile String lastToken;
    /** A token that differed from {@link #lastToken} at the previous poll: read if it is still the same now. */
    private volatile String pendingToken;
    /** What was read when {@link #pendingToken} was first seen; sent if the token is still the same at the next poll. */
    private volatile SourceBatch pendingBatch;
    private volatile boolean polled;

    public SourceConsumer(SourceEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public SourceEndpoint getEndpoint() {
        return (SourceEndpoint) super.getEndpoint();
    }

    /** A read while a change is awaited to settle; null if it failed (the source may be half-written: read again then). */
    private SourceBatch readWhileWaiting(SourceEndpoint endpoint) {
        try {
            return endpoint.read();
        } catch (Exception e) {
            return null;
        }
    }

    /** The fingerprint of the last batch routed without error, or {@code null}. */
    public String getLastFingerprint() {
        return lastFingerprint;
    }

    @Override
    protected int poll() throws Exception {
        SourceEndpoint endpoint = getEndpoint();
        String token = endpoint.isOnlyWhenChanged() ? endpoint.changeToken() : null;
        if (!polled) {
            polled = true;
            if (token != null && !endpoint.isReadAtFirstPoll() && endpoint.unchangedSinceMade()) {
                // read at start by someone else, and not changed since: only changes from now on are this consumer's
                lastToken = token;
                return 0;
            }
        }
        if (token != null && token.equals(lastToken)) {
            pendingToken = null;
            pendingBatch = null;
            return 0; // unchanged since the last routed batch: no need to read and parse it again
        }
        if (token != null && !token.equals(pendingToken)) {
            // changed since the previous poll, perhaps still being written: look again next poll. The first change
            // after a quiet spell is read now, while waiting: sent at the next poll if the token is still this one
            // then (the read saw the source as it stayed for a whole poll); a source still changing then is read again
            boolean quietBefore = pendingToken == null;
            pendingToken = token;
            pendingBatch = quietBefore ? readWhileWaiting(endpoint) : null;
            return 0;
        }
        SourceBatch batch = pendingBatch != null ? pendingBatch : endpoint.read();
        pendingBatch = null;
        if (endpoint.isOnlyWhenChanged() && Objects.equals(batch.fingerprint(), lastFingerprint)) {
            lastToken = token;
            return 0;
        }
        Exchange exchange = createExchange(false);
        try {
            exchange.getMessage().setBody(batch);
            exchange.getMessage().setHeader(SourceHeaders.FEDERATION, batch.federationId());
            exchange.getMessage().setHeader(SourceHeaders.SOURCE, batch.sourceId());
            getProcessor().process(exchange);
            if (exchange.getException() != null) {
                getExceptionHandler().handleException("Error routing source batch " + batch.federationId() + "/"
                        + batch.sourceId(), exchange, exchange.getException());
            } else {
                lastFingerprint = batch.fingerprint();
                lastToken = token;
            }
        } finally {
            releaseExchange(exchange, false);
        }
        return 1;
    }
}
