package se.insatsnavet.hub.quality;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import se.insatsnavet.hub.guidance.Article;
import se.insatsnavet.hub.http.Responses;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The plain-language quality of a federation's guidance articles, per article: sentences longer than
 * {@value #LONG_SENTENCE_WORDS} words in the standard text (text, question, answer, a guide's steps) and longer than
 * {@value #LONG_SENTENCE_WORDS_EASY} words in the lättläst text (stricter), rare words (approximated by length, see
 * {@link PlainLanguage}: {@value #LONG_WORD_LETTERS} letters or more, {@value #LONG_WORD_LETTERS_EASY} in the
 * lättläst text), a missing lättläst version (information) and links to services that are not published (warnings).
 * Cached per federation until an article or a service changes. Blocking: call from workers.
 */
public final class ArticleQuality {

    static final int LONG_SENTENCE_WORDS = 25;
    static final int LONG_SENTENCE_WORDS_EASY = 15;
    static final int LONG_WORD_LETTERS = 16;
    static final int LONG_WORD_LETTERS_EASY = 12;

    private final Function<String, List<Article>> articlesOf;
    private final Function<Collection<String>, Set<String>> publishedServices;
    private final Map<String, ObjectNode> cached = new ConcurrentHashMap<>();

    /**
     * @param articlesOf        a federation's published articles
     * @param publishedServices which of these service ids ({@code <federation>.<localId>}) are published
     */
    public ArticleQuality(Function<String, List<Article>> articlesOf, Function<Collection<String>, Set<String>> publishedServices) {
        this.articlesOf = articlesOf;
        this.publishedServices = publishedServices;
    }

    /** Forgets the cached reports (after a change of articles or services). */
    public void invalidate() {
        cached.clear();
    }

    /** The {@code articles} section of a federation's quality report (counts and per-article findings). */
    public ObjectNode federation(String federation) {
        return cached.computeIfAbsent(federation, this::build).deepCopy();
    }

    private ObjectNode build(String federation) {
        List<Article> articles = articlesOf.apply(federation);
        List<String> linked = articles.stream().flatMap(a -> a.serviceIds().stream()).distinct().toList();
        Set<String> published = linked.isEmpty() ? Set.of() : publishedServices.apply(linked);
        int longSentences = 0;
        int longSentencesEasy = 0;
        int rareWords = 0;
        int withoutEasy = 0;
        int unresolved = 0;
        ArrayNode items = Responses.JSON.createArrayNode();
        for (Article a : articles) {
            ObjectNode item = Responses.object().put("id", a.id()).put("kind", a.kind()).put("title", a.title());
            ArrayNode findings = item.putArray("findings");
            String standard = standardText(a);
            List<String> sentences = PlainLanguage.longSentences(standard, LONG_SENTENCE_WORDS);
            if (!sentences.isEmpty()) {
                longSentences++;
                finding(findings, "long-sentences", "warning", "text", sentences);
            }
            List<String> words = PlainLanguage.longWords(standard, LONG_WORD_LETTERS);
            List<String> easyWords = PlainLanguage.longWords(a.easyText(), LONG_WORD_LETTERS_EASY);
            if (!words.isEmpty()) {
                finding(findings, "rare-words", "warning", "text", words);
            }
            if (a.easyText() == null) {
                withoutEasy++;
                findings.addObject().put("type", "no-easy-to-read").put("severity", "information").put("field", "easyText");
            } else {
                List<String> easy = PlainLanguage.longSentences(a.easyText(), LONG_SENTENCE_WORDS_EASY);
                if (!easy.isEmpty()) {
                    longSentencesEasy++;
                    finding(findings, "long-sentences", "warning", "easyText", easy);
                }
                if (!easyWords.isEmpty()) {
                    finding(findings, "rare-words", "warning", "easyText", easyWords);
                }
            }
            if (!words.isEmpty() || !easyWords.isEmpty()) {
                rareWords++;
            }
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < a.services().size(); i++) {
                if (!published.contains(a.serviceIds().get(i))) {
                    missing.add(a.services().get(i));
                }
            }
            if (!missing.isEmpty()) {
                unresolved++;
                finding(findings, "unresolved-links", "warning", "services", missing);
            }
            items.add(item);
        }
        ObjectNode section = Responses.object();
        section.put("articles", articles.size());
        section.put("withLongSentences", longSentences);
        section.put("withLongSentencesInEasyText", longSentencesEasy);
        section.put("withRareWords", rareWords);
        section.put("withoutEasyToRead", withoutEasy);
        section.put("withUnresolvedLinks", unresolved);
        ObjectNode limits = section.putObject("limits");
        limits.put("sentenceWords", LONG_SENTENCE_WORDS).put("sentenceWordsEasyToRead", LONG_SENTENCE_WORDS_EASY)
                .put("rareWordLetters", LONG_WORD_LETTERS).put("rareWordLettersEasyToRead", LONG_WORD_LETTERS_EASY);
        section.put("note", "Rare words are approximated by their length (the hub has no Swedish word-frequency list).");
        section.set("items", items);
        return section;
    }

    private static void finding(ArrayNode findings, String type, String severity, String field, List<String> values) {
        ObjectNode f = findings.addObject().put("type", type).put("severity", severity).put("field", field).put("count", values.size());
        ArrayNode list = f.putArray("values");
        values.stream().limit(10).forEach(list::add);
    }

    /** The standard (not lättläst) text of an article: its text, question and answer, and a guide's steps. */
    static String standardText(Article a) {
        StringBuilder b = new StringBuilder();
        for (String part : new String[] {a.text(), a.question(), a.answer()}) {
            if (part != null) {
                b.append(part).append('\n');
            }
        }
        a.steps().forEach(s -> b.append(s.title()).append(".\n").append(s.text()).append('\n'));
        return b.toString();
    }
}
