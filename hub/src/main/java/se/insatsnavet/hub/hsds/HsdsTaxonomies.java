package se.insatsnavet.hub.hsds;

import com.fasterxml.jackson.databind.node.ObjectNode;
import se.insatsnavet.hub.http.Responses;
import se.insatsnavet.schema.Vocabulary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hub's target-group and method schemes as HSDS taxonomies, their concepts as taxonomy terms (name in
 * Swedish, description in English, {@code term_uri} the concept's URI), and the reverse look-up from a
 * term's UUID to its scheme and code.
 */
public final class HsdsTaxonomies {

    /** Schemes published as HSDS taxonomies: scheme → {Swedish name, English description}. */
    static final Map<String, String[]> SCHEMES = Map.of(
            Vocabulary.TARGET_GROUP, new String[]{"Målgrupper", "Who a service is for (Insatsnavet target groups)"},
            Vocabulary.METHOD, new String[]{"Metoder", "How a service works (Insatsnavet methods)"});

    /** A term: its scheme and code. */
    public record Term(String scheme, String code) {
    }

    private final Vocabulary vocabulary;
    private final Map<String, Term> terms = new LinkedHashMap<>();
    private final Map<String, String> taxonomies = new LinkedHashMap<>();

    public HsdsTaxonomies(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        for (String scheme : List.of(Vocabulary.TARGET_GROUP, Vocabulary.METHOD)) {
            taxonomies.put(HsdsIds.of(vocabulary.schemeIri(scheme)), scheme);
            for (String code : vocabulary.codes(scheme)) {
                terms.put(HsdsIds.of(vocabulary.iri(scheme, code)), new Term(scheme, code));
            }
        }
    }

    /** The term with this UUID, if any. */
    public Optional<Term> term(String uuid) {
        return Optional.ofNullable(terms.get(uuid));
    }

    /** The scheme of the taxonomy with this UUID, if any. */
    public Optional<String> taxonomy(String uuid) {
        return Optional.ofNullable(taxonomies.get(uuid));
    }

    /** Every taxonomy. */
    public List<ObjectNode> taxonomies() {
        List<ObjectNode> list = new ArrayList<>();
        taxonomies.values().forEach(scheme -> list.add(taxonomyJson(scheme)));
        return list;
    }

    /** Every term, or those of one scheme. */
    public List<ObjectNode> terms(String schemeOrNull) {
        List<ObjectNode> list = new ArrayList<>();
        terms.values().stream().filter(t -> schemeOrNull == null || t.scheme().equals(schemeOrNull))
                .forEach(t -> list.add(termJson(t.scheme(), t.code())));
        return list;
    }

    /** An HSDS taxonomy object. */
    public ObjectNode taxonomyJson(String scheme) {
        String[] names = SCHEMES.get(scheme);
        ObjectNode o = Responses.object();
        o.put("id", HsdsIds.of(vocabulary.schemeIri(scheme)));
        o.put("name", names[0]);
        o.put("description", names[1]);
        o.put("uri", vocabulary.schemeIri(scheme));
        o.put("version", "1");
        return o;
    }

    /** An HSDS taxonomy_term object. */
    public ObjectNode termJson(String scheme, String code) {
        String iri = vocabulary.iri(scheme, code);
        ObjectNode o = Responses.object();
        o.put("id", HsdsIds.of(iri));
        o.put("code", code);
        o.put("name", vocabulary.prefLabel(scheme, code, "sv").orElse(code));
        o.put("description", vocabulary.prefLabel(scheme, code, "en").orElse(""));
        o.put("taxonomy", scheme);
        o.put("language", "sv");
        o.put("taxonomy_id", HsdsIds.of(vocabulary.schemeIri(scheme)));
        o.put("term_uri", iri);
        return o;
    }
}
