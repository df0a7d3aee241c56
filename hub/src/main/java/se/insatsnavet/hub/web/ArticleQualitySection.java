package se.insatsnavet.hub.web;

import com.fasterxml.jackson.databind.JsonNode;
import se.insatsnavet.hub.linkeddata.Html;

/**
 * The section "Vägledning" of the editors' quality page: the true counts of the federation's guidance articles
 * with long sentences, rare (long) words, no lättläst version and links to services that are not published, and each
 * article's findings in plain Swedish (the {@code articles} section of {@code /api/quality/{federation}}).
 */
final class ArticleQualitySection {

    private ArticleQualitySection() {
    }

    static void render(StringBuilder b, JsonNode section) {
        JsonNode limits = section.path("limits");
        int sentenceWords = limits.path("sentenceWords").asInt();
        int easyWords = limits.path("sentenceWordsEasyToRead").asInt();
        b.append("<h2>Vägledning</h2>\n<p>Förbundets texter för den enskilde: Vägval, berättelser, frågor och svar och ")
                .append("vägledning utifrån ens situation. Långa meningar och långa ord gör en text svårare att läsa.</p>\n<ul>\n")
                .append("<li>Texter: ").append(section.path("articles").asInt()).append("</li>\n")
                .append("<li>Med en mening på fler än ").append(sentenceWords).append(" ord: ")
                .append(section.path("withLongSentences").asInt()).append("</li>\n")
                .append("<li>Med en mening på fler än ").append(easyWords).append(" ord i den lättlästa texten: ")
                .append(section.path("withLongSentencesInEasyText").asInt()).append("</li>\n")
                .append("<li>Med ovanliga, långa ord (").append(limits.path("rareWordLetters").asInt())
                .append(" bokstäver eller fler, i lättläst text ").append(limits.path("rareWordLettersEasyToRead").asInt())
                .append("): ").append(section.path("withRareWords").asInt()).append("</li>\n")
                .append("<li>Utan lättläst version: ").append(section.path("withoutEasyToRead").asInt()).append("</li>\n")
                .append("<li>Med länkar till insatser som inte finns: ").append(section.path("withUnresolvedLinks").asInt())
                .append("</li>\n</ul>\n");
        if (section.path("items").isEmpty()) {
            b.append("<p>Förbundet har inga texter med vägledning ännu.</p>\n");
            return;
        }
        b.append("<div class=\"tabell\" role=\"region\" tabindex=\"0\" aria-label=\"Vägledning, tabell\"><table>\n")
                .append("<caption>Förbundets texter och vad som kan bli bättre</caption>\n")
                .append("<thead><tr><th scope=\"col\">Text</th><th scope=\"col\">Slag</th><th scope=\"col\">Att förbättra</th></tr></thead>\n<tbody>\n");
        for (JsonNode a : section.path("items")) {
            b.append("<tr><td><a href=\"/vagledning/").append(Html.escape(a.path("id").asText())).append("\">")
                    .append(Html.escape(a.path("title").asText(a.path("id").asText()))).append("</a></td><td>")
                    .append(Html.escape(ArticleKindNames.singular(a.path("kind").asText()))).append("</td><td>");
            if (a.path("findings").isEmpty()) {
                b.append("Inget");
            } else {
                b.append("<ul>");
                a.path("findings").forEach(f -> b.append("<li>").append(finding(f, sentenceWords, easyWords)).append("</li>"));
                b.append("</ul>");
            }
            b.append("</td></tr>\n");
        }
        b.append("</tbody>\n</table></div>\n");
    }

    /** One finding in Swedish, its values escaped. */
    private static String finding(JsonNode f, int sentenceWords, int easyWords) {
        boolean easy = "easyText".equals(f.path("field").asText());
        String values = values(f.path("values"));
        return switch (f.path("type").asText()) {
            case "long-sentences" -> (easy ? "Lättläst text: " : "") + f.path("count").asInt() + (f.path("count").asInt() == 1
                    ? " mening" : " meningar") + " med fler än " + (easy ? easyWords : sentenceWords) + " ord: " + values;
            case "rare-words" -> (easy ? "Lättläst text: " : "") + "långa ord – " + values;
            case "no-easy-to-read" -> "Ingen lättläst version (information)";
            case "unresolved-links" -> "Länkar till insatser som inte finns: " + values;
            default -> Html.escape(f.path("type").asText());
        };
    }

    private static String values(JsonNode values) {
        StringBuilder b = new StringBuilder();
        values.forEach(v -> b.append(b.isEmpty() ? "" : "; ").append("”").append(Html.escape(v.asText())).append("”"));
        return b.toString();
    }
}
