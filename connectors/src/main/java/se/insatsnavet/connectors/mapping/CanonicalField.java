package se.insatsnavet.connectors.mapping;

import se.insatsnavet.connectors.descriptor.SourceDescriptor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One canonical field a mapping may fill: its dotted name, its {@link FieldKind} and, for concepts, the concept
 * scheme its values are matched in; and the two tables of them, for services ({@code service.schema.json}) and for
 * guidance articles ({@code article.schema.json}), each in the order of the canonical document.
 */
record CanonicalField(String name, FieldKind kind, String scheme) {

    /** Every canonical field a mapping of services may fill, in the order of the canonical document. */
    static final Map<String, CanonicalField> SERVICE_FIELDS;
    /** Every canonical field a mapping of articles may fill ({@code article.schema.json}), in document order. */
    static final Map<String, CanonicalField> ARTICLE_FIELDS;

    static {
        Map<String, CanonicalField> articles = new LinkedHashMap<>();
        put(articles, "id", FieldKind.STRING, null);
        put(articles, "kind", FieldKind.FIRST_CONCEPT, ConceptMatcher.ARTICLE_KIND);
        put(articles, "title", FieldKind.STRING, null);
        put(articles, "text", FieldKind.STRING, null);
        put(articles, "easyText", FieldKind.STRING, null);
        put(articles, "question", FieldKind.STRING, null);
        put(articles, "answer", FieldKind.STRING, null);
        put(articles, "steps", FieldKind.STEPS, null);
        put(articles, "services", FieldKind.STRING_LIST, null);
        put(articles, "targetGroups", FieldKind.CONCEPT_LIST, ConceptMatcher.TARGET_GROUP);
        put(articles, "methods", FieldKind.CONCEPT_LIST, ConceptMatcher.METHOD);
        put(articles, "situations", FieldKind.CONCEPT_LIST, ConceptMatcher.SITUATION);
        put(articles, "municipalities", FieldKind.MUNICIPALITY_LIST, ConceptMatcher.MUNICIPALITY);
        put(articles, "published", FieldKind.DATE, null);
        put(articles, "modified", FieldKind.DATE, null);
        put(articles, "url", FieldKind.STRING, null);
        ARTICLE_FIELDS = Collections.unmodifiableMap(articles);

        Map<String, CanonicalField> services = new LinkedHashMap<>();
        put(services, "localId", FieldKind.STRING, null);
        put(services, "title", FieldKind.TEXT, null);
        put(services, "description", FieldKind.TEXT, null);
        put(services, "keywords", FieldKind.STRING_LIST, null);
        put(services, "status", FieldKind.CONCEPT, ConceptMatcher.STATUS);
        put(services, "provider.id", FieldKind.STRING, null);
        put(services, "provider.name", FieldKind.TEXT, null);
        put(services, "provider.type", FieldKind.CONCEPT, ConceptMatcher.PROVIDER_TYPE);
        put(services, "provider.municipality", FieldKind.MUNICIPALITY, ConceptMatcher.MUNICIPALITY);
        put(services, "targetGroups", FieldKind.CONCEPT_LIST, ConceptMatcher.TARGET_GROUP);
        put(services, "ageRange.min", FieldKind.INTEGER, null);
        put(services, "ageRange.max", FieldKind.INTEGER, null);
        put(services, "methods", FieldKind.CONCEPT_LIST, ConceptMatcher.METHOD);
        put(services, "municipalities", FieldKind.MUNICIPALITY_LIST, ConceptMatcher.MUNICIPALITY);
        put(services, "regions", FieldKind.COUNTY_LIST, ConceptMatcher.COUNTY);
        put(services, "admission.referralRequired", FieldKind.BOOLEAN, null);
        put(services, "admission.selfReferral", FieldKind.BOOLEAN, null);
        put(services, "admission.referrers", FieldKind.CONCEPT_LIST, ConceptMatcher.PROVIDER_TYPE);
        put(services, "admission.criteria", FieldKind.TEXT_LIST, null);
        put(services, "admission.howToApply", FieldKind.TEXT, null);
        put(services, "duration.maxMonths", FieldKind.INTEGER, null);
        put(services, "duration.extensionMonths", FieldKind.INTEGER, null);
        put(services, "duration.text", FieldKind.TEXT, null);
        put(services, "capacity.placesPerYear", FieldKind.INTEGER, null);
        put(services, "capacity.text", FieldKind.TEXT, null);
        put(services, "period.start", FieldKind.DATE, null);
        put(services, "period.end", FieldKind.DATE, null);
        put(services, "funding", FieldKind.CONCEPT_LIST, ConceptMatcher.FUNDING);
        put(services, "contact.name", FieldKind.STRING, null);
        put(services, "contact.email", FieldKind.STRING, null);
        put(services, "contact.phone", FieldKind.STRING, null);
        put(services, "contact.phoneExtension", FieldKind.STRING, null);
        put(services, "contact.url", FieldKind.STRING, null);
        put(services, "contact.openingHours", FieldKind.STRING, null);
        put(services, "homepage", FieldKind.STRING, null);
        put(services, "languages", FieldKind.LANGUAGE_LIST, null);
        put(services, "output", FieldKind.TEXT, null);
        put(services, "lastReviewed", FieldKind.DATE, null);
        SERVICE_FIELDS = Collections.unmodifiableMap(services);
    }

    private static void put(Map<String, CanonicalField> table, String name, FieldKind kind, String scheme) {
        table.put(name, new CanonicalField(name, kind, scheme));
    }

    /** The fields a mapping of a source holding {@code records} may fill, in document order. */
    static Map<String, CanonicalField> of(SourceDescriptor.Records records) {
        return records == SourceDescriptor.Records.ARTICLES ? ARTICLE_FIELDS : SERVICE_FIELDS;
    }

    /** Whether the field takes one value, so that a rule's paths are alternatives (the first with a value wins). */
    boolean singleValued() {
        return kind.scalarValue() || kind == FieldKind.TEXT || kind == FieldKind.CONCEPT || kind == FieldKind.MUNICIPALITY;
    }
}
