package se.insatsnavet.schema.rdf;

import se.insatsnavet.schema.vocab.HubIris;

import java.time.Instant;
import java.util.Objects;

/**
 * What {@link ServiceRdf#toRdf} needs besides the canonical service: the hub's IRIs, the federation the
 * record belongs to, the id of the source (in the federation descriptor) it was read from, the import run
 * that produced it and the time of that run (dct:modified).
 */
public record ServiceContext(HubIris iris, String federationId, String sourceId, long runId, Instant modified) {

    public ServiceContext {
        Objects.requireNonNull(iris, "iris");
        Objects.requireNonNull(federationId, "federationId");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(modified, "modified");
    }
}
