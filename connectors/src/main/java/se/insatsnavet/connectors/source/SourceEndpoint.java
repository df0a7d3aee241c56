package se.insatsnavet.connectors.source;

import org.apache.camel.Component;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;

/**
 * Base of every source endpoint ({@code <scheme>:<federationId>/<sourceId>?options}).
 *
 * <p>A subclass only declares its typed {@code @UriParam} options and implements {@link #read()}. As a
 * consumer the endpoint polls (all the scheduled-poll options of Camel apply: {@code delay},
 * {@code initialDelay}, {@code backoffErrorThreshold}, ...); as a producer it reads on demand.</p>
 */
public abstract class SourceEndpoint extends ScheduledPollEndpoint {

    @UriPath(description = "Id of the federation the source belongs to")
    @Metadata(required = true)
    private String federationId;

    @UriPath(description = "Id of the source within the federation")
    @Metadata(required = true)
    private String sourceId;

    @UriParam(label = "consumer", defaultValue = "true",
            description = "Emit a batch only when the source's content fingerprint differs from the last emitted one")
    private boolean onlyWhenChanged = true;

    @UriParam(label = "consumer", defaultValue = "true",
            description = "Read the source at the first poll; false: the first poll only notes the source's change token, "
                    + "and the source is read once it changes (for a watch whose source is read at start anyway)")
    private boolean readAtFirstPoll = true;

    /** When this endpoint was made: before the route's first read, since routes are added before they start. */
    private final long createdMillis = System.currentTimeMillis();

    protected SourceEndpoint(String endpointUri, Component component) {
        super(endpointUri, component);
    }

    /**
     * Whether the source was last changed well before this endpoint was made (file systems keep modification
     * times to a second or two), so that a read at start, which comes after, saw it as it is now; false when
     * not known. Lets a watch with {@code readAtFirstPoll=false} skip its first read without missing a change
     * made between the read at start and its first poll.
     */
    public boolean unchangedSinceMade() throws Exception {
        long modified = lastModifiedMillis();
        return modified >= 0 && modified < createdMillis - 2_000;
    }

    /**
     * The fingerprint of this endpoint's last read if the source has certainly not changed since (its
     * {@linkplain #changeToken() change token} is the one taken just before that read), else {@code null}: the
     * source must be read to know. Lets a re-sync of an unchanged source skip reading and parsing it.
     */
    public String unchangedFingerprint() throws Exception {
        return null;
    }

    /** When the source last changed (epoch milliseconds), or -1 when it cannot tell. */
    protected long lastModifiedMillis() throws Exception {
        return -1;
    }

    /**
     * Reads the whole source once. Records that cannot be parsed become {@link SourceProblem}s of the batch;
     * a source that cannot be read or parsed at all throws, naming the source.
     */
    public abstract SourceBatch read() throws Exception;

    /**
     * A cheap token that changes when the source may have changed (e.g. a file's size and modification time),
     * or {@code null} when the source has none: a polling consumer then reads the whole source each time.
     * A consumer skips reading while the token stays the same as at its last routed batch.
     */
    public String changeToken() throws Exception {
        return null;
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        SourceConsumer consumer = new SourceConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    public Producer createProducer() throws Exception {
        return new SourceProducer(this);
    }

    public String getFederationId() {
        return federationId;
    }

    /** Id of the federation the source belongs to. */
    public void setFederationId(String federationId) {
        this.federationId = federationId;
    }

    public String getSourceId() {
        return sourceId;
    }

    /** Id of the source within the federation. */
    public void setSourceId(String sourceId) {
        this.sourceId = sourceId;
    }

    public boolean isOnlyWhenChanged() {
        return onlyWhenChanged;
    }

    /** Emit a batch only when the source's content fingerprint differs from the last emitted one. */
    public void setOnlyWhenChanged(boolean onlyWhenChanged) {
        this.onlyWhenChanged = onlyWhenChanged;
    }

    public boolean isReadAtFirstPoll() {
        return readAtFirstPoll;
    }

    /** False: the first poll only notes the change token; the source is read once it changes. */
    public void setReadAtFirstPoll(boolean readAtFirstPoll) {
        this.readAtFirstPoll = readAtFirstPoll;
    }
}
