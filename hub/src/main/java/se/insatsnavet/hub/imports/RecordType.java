package se.insatsnavet.hub.imports;

import se.insatsnavet.connectors.descriptor.SourceDescriptor;
import se.insatsnavet.schema.vocab.HubIris;

import java.util.Locale;

/**
 * The kinds of records an import publishes: services and guidance articles. Each keeps its own record hashes
 * and appears in the change log under its type ({@code record_type}: service, article).
 */
public enum RecordType {
    /** A service (insats): id {@code federation.localId}, IRI {@code <base>id/service/<id>}. */
    SERVICE,
    /** A guidance article: id {@code federation/localId}, IRI {@code <base>id/article/<id>}. */
    ARTICLE;

    /** The change log's and the API's word for it: service, article. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type of a label ({@code null} is a service: entries written before articles existed). */
    public static RecordType of(String label) {
        return label == null ? SERVICE : valueOf(label.toUpperCase(Locale.ROOT));
    }

    /** What a source publishes. */
    public static RecordType of(SourceDescriptor source) {
        return source.holdsArticles() ? ARTICLE : SERVICE;
    }

    /** The record's id within the hub from its federation and local id. */
    public String id(String federationId, String localId) {
        return this == ARTICLE ? HubIris.articleId(federationId, localId) : HubIris.serviceId(federationId, localId);
    }

    /** The IRI of a record's id. */
    public String iri(HubIris iris, String id) {
        return this == ARTICLE ? iris.article(id) : iris.service(id);
    }
}
