package se.insatsnavet.hub.quality;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain-language measures of a Swedish text, shared by the checks of services and of guidance articles: its
 * sentences longer than a number of words, and its very long words. The hub holds no Swedish word-frequency list,
 * so a "rare word" is approximated by its length: long Swedish words are mostly compounds and officialese
 * ("aktivitetsersättning", "försörjningsstöd"), the words readers of plain and easy Swedish stumble on.
 */
final class PlainLanguage {

    /** What {@code String.split} would compile on every call. */
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?]+\\s");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}-]*\\p{L}");
    /** How many words of a long sentence are quoted to find it. */
    private static final int QUOTED_WORDS = 6;

    private PlainLanguage() {
    }

    /** The sentences of {@code text} with more than {@code maxWords} words, each quoted by its first words. */
    static List<String> longSentences(String text, int maxWords) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String sentence : SENTENCE_END.split(text)) {
            String[] words = SPACES.split(sentence.trim());
            if (words.length > maxWords) {
                out.add(String.join(" ", List.of(words).subList(0, QUOTED_WORDS)) + " …");
            }
        }
        return out;
    }

    /** Whether {@code text} has a sentence of more than {@code maxWords} words. */
    static boolean hasLongSentence(String text, int maxWords) {
        return !longSentences(text, maxWords).isEmpty();
    }

    /** The distinct words of {@code text} (lower case) of {@code minLetters} letters or more, in order of appearance. */
    static List<String> longWords(String text, int minLetters) {
        Set<String> out = new LinkedHashSet<>();
        if (text == null) {
            return List.of();
        }
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String word = m.group();
            if (word.codePoints().filter(Character::isLetter).count() >= minLetters && !word.contains("-")) {
                out.add(word.toLowerCase(Locale.ROOT));
            }
        }
        return List.copyOf(out);
    }
}
