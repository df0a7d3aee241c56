package se.insatsnavet.connectors.mapping;

/**
 * What kind of value a canonical field holds, which decides how a mapping rule's raw values are converted
 * (split into lists, matched to concepts, read as numbers, yes/no or dates).
 */
enum FieldKind {
    STRING, INTEGER, BOOLEAN, DATE, TEXT, TEXT_LIST, STRING_LIST, LANGUAGE_LIST,
    CONCEPT, CONCEPT_LIST, MUNICIPALITY, MUNICIPALITY_LIST, COUNTY_LIST,
    /** The first of several values that is a concept (e.g. an article's kind among a post's categories). */
    FIRST_CONCEPT,
    /** Ordered steps: a list of objects with {@code title} and {@code text} (e.g. an ACF repeater). */
    STEPS;

    boolean scalarValue() {
        return this == STRING || this == INTEGER || this == BOOLEAN || this == DATE;
    }
}
