package se.insatsnavet.schema;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.SKOS;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Matches federations' free text to concept codes: case- and diacritic-insensitively (NFD, marks stripped,
 * lower case, runs of whitespace and punctuation collapsed to one space) against each concept's
 * skos:notation, skos:prefLabel and skos:altLabel. Schemes: the concept schemes (e.g. "target-group": 
 * "Försörjningsstöd" → "income-support") and the places: "municipality" (names or codes → 4-digit SCB code:
 * "LINKÖPING", "linkopings kommun", "0580" → "0580") and "county" ("Östergötland", "Region Östergötland",
 * "05" → "05"). A text that fits two concepts of one scheme matches neither. Immutable and thread-safe.
 */
public final class ConceptIndex {

    private final Map<String, Map<String, String>> byScheme = new HashMap<>();

    ConceptIndex(Vocabulary vocabulary) {
        Model m = vocabulary.model();
        List<String> schemes = new ArrayList<>(Vocabulary.CONCEPT_SCHEMES);
        schemes.add(Vocabulary.MUNICIPALITY);
        schemes.add(Vocabulary.COUNTY);
        for (String scheme : schemes) {
            Map<String, String> keys = new HashMap<>();
            Set<String> ambiguous = new HashSet<>();
            Resource schemeRes = m.createResource(vocabulary.schemeIri(scheme));
            for (Resource c : m.listSubjectsWithProperty(SKOS.inScheme, schemeRes).toList()) {
                Statement n = c.getProperty(SKOS.notation);
                if (n == null) {
                    continue;
                }
                String code = n.getString();
                put(keys, ambiguous, normalise(code), code);
                for (var p : List.of(SKOS.prefLabel, SKOS.altLabel)) {
                    c.listProperties(p).forEachRemaining(s -> {
                        String label = s.getString();
                        put(keys, ambiguous, normalise(label), code);
                        if (Vocabulary.MUNICIPALITY.equals(scheme) && p.equals(SKOS.altLabel)) {
                            put(keys, ambiguous, normalise(label + " kommun"), code);
                        } else if (Vocabulary.COUNTY.equals(scheme) && p.equals(SKOS.altLabel)) {
                            put(keys, ambiguous, normalise(label + " län"), code);
                        }
                    });
                }
            }
            ambiguous.forEach(keys::remove);
            byScheme.put(scheme, Collections.unmodifiableMap(keys));
        }
    }

    private static void put(Map<String, String> keys, Set<String> ambiguous, String key, String code) {
        if (key.isEmpty()) {
            return;
        }
        String old = keys.putIfAbsent(key, code);
        if (old != null && !old.equals(code)) {
            ambiguous.add(key);
        }
    }

    /** The code in {@code scheme} whose notation or label equals {@code freeText} after normalisation. */
    public Optional<String> match(String scheme, String freeText) {
        if (freeText == null) {
            return Optional.empty();
        }
        Map<String, String> keys = byScheme.get(scheme);
        if (keys == null) {
            throw new IllegalArgumentException("unknown scheme: " + scheme);
        }
        return Optional.ofNullable(keys.get(normalise(freeText)));
    }

    /** The normalised keys of a scheme (for diagnostics and tests). */
    public Set<String> keys(String scheme) {
        Map<String, String> keys = byScheme.get(scheme);
        return keys == null ? Set.of() : keys.keySet();
    }

    /** NFD, strip combining marks, lower case, collapse whitespace and punctuation to single spaces, trim. */
    public static String normalise(String text) {
        String n = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        n = n.toLowerCase(Locale.ROOT).replace('ø', 'o').replace('æ', 'a');
        return n.replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }
}
