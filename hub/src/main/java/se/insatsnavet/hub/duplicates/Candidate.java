package se.insatsnavet.hub.duplicates;

import java.util.ArrayList;
import java.util.List;

/**
 * A likely duplicate: two services of different federations, ids in order ({@code a < b}), a score from 0 to
 * 100 and the reasons behind it.
 *
 * @param titleSimilarity      Dice coefficient of the titles' character trigrams, 0 to 1
 * @param sameProvider         the providers' names are the same
 * @param sharedMunicipalities SCB codes both services are offered in
 * @param sameContact          which contact details are the same: {@code email}, {@code phone}, {@code url}
 */
public record Candidate(ServiceFingerprint a, ServiceFingerprint b, int score, double titleSimilarity, boolean sameProvider,
                        List<String> sharedMunicipalities, List<String> sameContact) {

    /** The key of the pair: {@code a} and {@code b} ids joined by a space. */
    public String key() {
        return pairKey(a.id(), b.id());
    }

    /** The key of a pair of service ids, whatever their order. */
    public static String pairKey(String x, String y) {
        return x.compareTo(y) < 0 ? x + " " + y : y + " " + x;
    }

    /** The reasons in plain English, strongest first. */
    public List<String> reasons() {
        List<String> out = new ArrayList<>();
        out.add("title similarity " + Math.round(titleSimilarity * 100) + "%");
        sameContact.forEach(c -> out.add("same " + c));
        if (sameProvider) {
            out.add("same provider");
        }
        if (!sharedMunicipalities.isEmpty()) {
            out.add("shared municipalities " + String.join(" ", sharedMunicipalities));
        }
        return out;
    }
}
