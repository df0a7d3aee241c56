package se.insatsnavet.hub.duplicates;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds likely duplicates among services without comparing all pairs: services are put in blocks that share
 * a title word within a municipality, or an e-mail address, a phone number or a web address; only pairs
 * within a block, of different federations, are scored. Blocks larger than {@link #MAX_BLOCK} are too common
 * to tell anything (a word every service in a city uses, a switchboard number) and are skipped.
 *
 * <p>Score (0 to 100): title similarity (trigram Dice) up to 45, any same contact detail 25, same provider
 * 15, the share of municipalities in common (Jaccard) up to 15. A pair is a candidate from {@link #THRESHOLD}.
 */
public final class DuplicateFinder {

    /** Lowest score listed. */
    public static final int THRESHOLD = 50;
    /** Largest block whose pairs are compared. */
    public static final int MAX_BLOCK = 200;

    private DuplicateFinder() {
    }

    /** Every candidate pair among {@code services}, best first (then by pair key). */
    public static List<Candidate> find(List<ServiceFingerprint> services) {
        Map<String, List<Integer>> blocks = new HashMap<>();
        for (int i = 0; i < services.size(); i++) {
            ServiceFingerprint s = services.get(i);
            Set<String> places = s.municipalities().isEmpty() ? Set.of("-") : s.municipalities();
            for (String w : s.titleWords()) {
                for (String place : places) {
                    blocks.computeIfAbsent("t " + w + " " + place, k -> new ArrayList<>()).add(i);
                }
            }
            for (String e : s.emails()) {
                blocks.computeIfAbsent("e " + e, k -> new ArrayList<>()).add(i);
            }
            for (String p : s.phones()) {
                blocks.computeIfAbsent("p " + p, k -> new ArrayList<>()).add(i);
            }
            for (String u : s.urls()) {
                blocks.computeIfAbsent("u " + u, k -> new ArrayList<>()).add(i);
            }
        }
        Set<Long> seen = new HashSet<>();
        List<Candidate> out = new ArrayList<>();
        for (List<Integer> block : blocks.values()) {
            if (block.size() < 2 || block.size() > MAX_BLOCK) {
                continue;
            }
            for (int x = 0; x < block.size(); x++) {
                for (int y = x + 1; y < block.size(); y++) {
                    int i = block.get(x);
                    int j = block.get(y);
                    ServiceFingerprint a = services.get(i);
                    ServiceFingerprint b = services.get(j);
                    if (a.federation().equals(b.federation())) {
                        continue;
                    }
                    // a pair in several blocks is scored in each (cheaper than remembering every pair seen);
                    // the score without allocating, the candidate with its reasons only for pairs that pass
                    if (points(a, b) >= THRESHOLD) {
                        long pair = i < j ? ((long) i << 32) | j : ((long) j << 32) | i;
                        if (seen.add(pair)) {
                            out.add(score(a, b));
                        }
                    }
                }
            }
        }
        out.sort(Comparator.comparingInt(Candidate::score).reversed().thenComparing(Candidate::key));
        return out;
    }

    /** The score of one pair, with its reasons ({@code a} and {@code b} put in id order). */
    public static Candidate score(ServiceFingerprint x, ServiceFingerprint y) {
        ServiceFingerprint a = x.id().compareTo(y.id()) < 0 ? x : y;
        ServiceFingerprint b = a == x ? y : x;
        double title = dice(a.titleGrams(), b.titleGrams());
        boolean sameProvider = !a.provider().isEmpty() && a.provider().equals(b.provider());
        Set<String> shared = new TreeSet<>(a.municipalities());
        shared.retainAll(b.municipalities());
        Set<String> union = new HashSet<>(a.municipalities());
        union.addAll(b.municipalities());
        double places = union.isEmpty() ? 0 : (double) shared.size() / union.size();
        List<String> contact = new ArrayList<>();
        if (intersects(a.emails(), b.emails())) {
            contact.add("email");
        }
        if (intersects(a.phones(), b.phones())) {
            contact.add("phone");
        }
        if (intersects(a.urls(), b.urls())) {
            contact.add("url");
        }
        double score = 45 * title + (contact.isEmpty() ? 0 : 25) + (sameProvider ? 15 : 0) + 15 * places;
        return new Candidate(a, b, (int) Math.round(score), title, sameProvider, List.copyOf(shared), List.copyOf(contact));
    }

    /** The score of a pair as {@link #score} computes it, rounded the same way, without building the candidate. */
    static long points(ServiceFingerprint a, ServiceFingerprint b) {
        double title = dice(a.titleGrams(), b.titleGrams());
        boolean contact = intersects(a.emails(), b.emails()) || intersects(a.phones(), b.phones()) || intersects(a.urls(), b.urls());
        boolean sameProvider = !a.provider().isEmpty() && a.provider().equals(b.provider());
        int shared = 0;
        Set<String> small = a.municipalities().size() <= b.municipalities().size() ? a.municipalities() : b.municipalities();
        Set<String> large = small == a.municipalities() ? b.municipalities() : a.municipalities();
        for (String m : small) {
            if (large.contains(m)) {
                shared++;
            }
        }
        int union = a.municipalities().size() + b.municipalities().size() - shared;
        double places = union == 0 ? 0 : (double) shared / union;
        return Math.round(45 * title + (contact ? 25 : 0) + (sameProvider ? 15 : 0) + 15 * places);
    }

    /** Dice coefficient of two sorted, distinct arrays. */
    static double dice(int[] x, int[] y) {
        if (x.length == 0 || y.length == 0) {
            return 0;
        }
        int common = 0;
        int i = 0;
        int j = 0;
        while (i < x.length && j < y.length) {
            if (x[i] == y[j]) {
                common++;
                i++;
                j++;
            } else if (x[i] < y[j]) {
                i++;
            } else {
                j++;
            }
        }
        return 2.0 * common / (x.length + y.length);
    }

    private static boolean intersects(Set<String> x, Set<String> y) {
        for (String v : x) {
            if (y.contains(v)) {
                return true;
            }
        }
        return false;
    }
}
