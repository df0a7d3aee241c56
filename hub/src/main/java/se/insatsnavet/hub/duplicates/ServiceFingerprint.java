package se.insatsnavet.hub.duplicates;

import com.fasterxml.jackson.databind.JsonNode;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What duplicate detection compares of one published service, normalised: title words and character
 * trigrams, provider name, municipalities, and contact e-mail, phone and web addresses.
 *
 * @param id             service id ({@code federation.localId})
 * @param federation     federation id
 * @param title          the title as published (Swedish, else any)
 * @param titleWords     the title's normalised words, stop words and very short words left out
 * @param titleGrams     the hash codes of the normalised title's character trigrams, distinct and sorted
 * @param provider       normalised provider name, or "" when there is none
 * @param municipalities SCB codes
 * @param emails         lower-case e-mail addresses
 * @param phones         phone numbers as their last nine digits
 * @param urls           web addresses without scheme, {@code www.}, query and trailing slash
 */
public record ServiceFingerprint(String id, String federation, String title, Set<String> titleWords, int[] titleGrams,
                                 String provider, Set<String> municipalities, Set<String> emails, Set<String> phones,
                                 Set<String> urls) {

    private static final Set<String> STOP_WORDS = Set.of("och", "for", "med", "till", "som", "den", "det", "att",
            "inom", "samt", "the", "and", "with");

    /** The fingerprint of an item of {@code /api/services}. */
    public static ServiceFingerprint of(JsonNode item) {
        String title = text(item.path("title"));
        String normal = normalise(title);
        Set<String> words = new LinkedHashSet<>();
        for (String w : normal.split(" ")) {
            if (w.length() >= 3 && !STOP_WORDS.contains(w)) {
                words.add(w);
            }
        }
        Set<String> municipalities = new TreeSet<>();
        item.path("municipalities").forEach(m -> municipalities.add(m.asText()));
        Set<String> emails = new HashSet<>();
        Set<String> phones = new HashSet<>();
        Set<String> urls = new HashSet<>();
        JsonNode contact = item.path("contact");
        if (contact.hasNonNull("email")) {
            emails.add(contact.path("email").asText().trim().toLowerCase(Locale.ROOT));
        }
        if (contact.hasNonNull("phone")) {
            // the number without its extension (and letters read as digits) when the import could read it
            String digits = (contact.hasNonNull("phoneE164") ? contact.path("phoneE164") : contact.path("phone")).asText()
                    .replaceAll("[^0-9]", "");
            if (digits.length() >= 7) {
                phones.add(digits.length() > 9 ? digits.substring(digits.length() - 9) : digits);
            }
        }
        for (JsonNode url : new JsonNode[] {contact.path("url"), item.path("homepage")}) {
            if (url.isTextual()) {
                String u = url.asText().trim().toLowerCase(Locale.ROOT).replaceFirst("^https?://", "").replaceFirst("^www\\.", "")
                        .replaceFirst("[?#].*$", "").replaceFirst("/+$", "");
                if (!u.isEmpty()) {
                    urls.add(u);
                }
            }
        }
        return new ServiceFingerprint(item.path("id").asText(), item.path("federation").asText(), title, words,
                trigrams(normal), normalise(text(item.path("provider").path("name"))), municipalities, emails, phones, urls);
    }

    /** Lower case, accents and punctuation removed, single spaces. */
    static String normalise(String s) {
        String folded = Normalizer.normalize(s.toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return folded.replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }

    private static int[] trigrams(String normal) {
        String padded = " " + normal + " ";
        int[] grams = new int[Math.max(0, padded.length() - 2)];
        for (int i = 0; i + 3 <= padded.length(); i++) {
            grams[i] = padded.substring(i, i + 3).hashCode();
        }
        return Arrays.stream(grams).sorted().distinct().toArray();
    }

    private static String text(JsonNode texts) {
        if (texts.isTextual()) {
            return texts.asText();
        }
        if (texts.hasNonNull("sv")) {
            return texts.path("sv").asText();
        }
        return texts.elements().hasNext() ? texts.elements().next().asText() : "";
    }
}
