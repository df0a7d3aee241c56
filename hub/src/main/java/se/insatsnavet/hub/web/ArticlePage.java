package se.insatsnavet.hub.web;

import se.insatsnavet.hub.guidance.Article;
import se.insatsnavet.hub.linkeddata.Html;
import se.insatsnavet.hub.linkeddata.SiteHeader;
import se.insatsnavet.hub.plan.PlanButton;
import se.insatsnavet.schema.Vocabulary;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Swedish page of one guidance article at {@code /vagledning/{federation}/{id}}: a situation guide with its
 * numbered steps, a story, a question with its answer or a Vägval text; the services it is about (linking their
 * pages), its situations and target groups, the federation, dates, the source link and "Lägg till i Min plan".
 * {@link #renderEasy} is its lättläst version at {@code …/lattlast}. Every value is escaped. Blocking (looks up
 * the titles of the services): call on a worker. Any handler that serves an article as HTML (e.g. the content
 * negotiation of {@code /id/article/…}) can call {@link #render}.
 */
public final class ArticlePage {

    /** The path of the start page of the guidance. */
    public static final String START = "/vagledning";

    private final Vocabulary vocabulary;
    private final Function<String, String> federationNames;
    private final Function<String, Optional<String>> serviceTitles;

    /**
     * @param federationNames federation id → its name
     * @param serviceTitles   service id ({@code federation.localId}) → its title, empty when it is not published
     */
    public ArticlePage(Vocabulary vocabulary, Function<String, String> federationNames,
                       Function<String, Optional<String>> serviceTitles) {
        this.vocabulary = vocabulary;
        this.federationNames = federationNames;
        this.serviceTitles = serviceTitles;
    }

    /** The path of an article's page. */
    public static String path(Article a) {
        return START + "/" + a.federationId() + "/" + a.localId();
    }

    /** The path of an article's lättläst page. */
    public static String easyPath(Article a) {
        return path(a) + "/lattlast";
    }

    /** The Swedish name of a kind of article ("Vägval", "Berättelse", …). */
    public static String kindLabel(String kind) {
        return switch (kind) {
            case "vagval" -> "Vägval";
            case "story" -> "Berättelse om livet";
            case "question" -> "Vanlig fråga";
            case "situation-guide" -> "Så fungerar välfärdssystemet";
            default -> kind;
        };
    }

    /** The article's page in standard Swedish. */
    public String render(Article a) {
        StringBuilder b = head(a.title() + " – Vägledning – Insatsnavet", null);
        b.append("<p><a href=\"").append(START).append("\">Till vägledningen</a></p>\n<article>\n")
                .append("<p class=\"meta\">").append(Html.escape(kindLabel(a.kind()))).append("</p>\n")
                .append("<h1>").append(Html.escape(a.title())).append("</h1>\n");
        if (a.easyText() != null && !a.easyText().isBlank()) {
            b.append("<p><a href=\"").append(Html.escape(easyPath(a))).append("\">Läs texten på lättläst svenska</a></p>\n");
        }
        paragraphs(b, a.text());
        if (a.question() != null || a.answer() != null) {
            b.append("<h2>Frågan</h2>\n");
            paragraphs(b, a.question() != null ? a.question() : a.title());
            b.append("<h2>Svaret</h2>\n");
            paragraphs(b, a.answer() != null ? a.answer() : "Frågan har inget svar än.");
        }
        if (!a.steps().isEmpty()) {
            b.append("<h2>Steg för steg</h2>\n<p>Gör så här, i den här ordningen.</p>\n");
            steps(b, a.steps(), a.steps().size());
        }
        b.append(PlanButton.html(a.title(), path(a)));
        about(b, a);
        facts(b, a);
        b.append("</article>\n");
        return foot(b);
    }

    /** The article's lättläst page; empty when it has no lättläst text. */
    public Optional<String> renderEasy(Article a) {
        if (a.easyText() == null || a.easyText().isBlank()) {
            return Optional.empty();
        }
        StringBuilder b = head(a.title() + " (lättläst) – Vägledning – Insatsnavet", null);
        b.append("<p><a href=\"").append(START).append("\">Till vägledningen</a></p>\n")
                .append("<article class=\"lattlast\" lang=\"sv\">\n")
                .append("<p class=\"meta\"><strong>Lättläst</strong> – texten är skriven på lättläst svenska.</p>\n")
                .append("<h1>").append(Html.escape(a.title())).append("</h1>\n");
        paragraphs(b, a.easyText());
        b.append("<p><a href=\"").append(Html.escape(path(a))).append("\">Läs texten på vanlig svenska</a></p>\n");
        b.append(PlanButton.html(a.title(), path(a)));
        about(b, a);
        facts(b, a);
        b.append("</article>\n");
        return Optional.of(foot(b));
    }

    /** A Swedish page saying that there is no such text (for a 404). */
    public static String notFound() {
        StringBuilder b = head("Sidan finns inte – Insatsnavet", null);
        b.append("<h1>Sidan finns inte</h1>\n<p>Vi hittar ingen text med den adressen. Den kan ha tagits bort, "
                + "eller så är adressen fel.</p>\n<p><a href=\"").append(START).append("\">Se all vägledning</a> eller ")
                .append("<a href=\"/\">sök bland alla insatser</a>.</p>\n");
        return foot(b);
    }

    /** The steps in order, the first {@code count} of them. */
    static void steps(StringBuilder b, List<Article.Step> steps, int count) {
        b.append("<ol class=\"steps\">\n");
        for (Article.Step s : steps.subList(0, Math.min(count, steps.size()))) {
            b.append("<li><strong>").append(Html.escape(s.title())).append("</strong>");
            if (s.text() != null && !s.text().isBlank()) {
                b.append("<br>").append(Html.escape(s.text()));
            }
            b.append("</li>\n");
        }
        b.append("</ol>\n");
    }

    private void about(StringBuilder b, Article a) {
        if (a.services().isEmpty() && a.situations().isEmpty() && a.targetGroups().isEmpty() && a.methods().isEmpty()
                && a.municipalities().isEmpty()) {
            return;
        }
        b.append("<h2>Det här handlar texten om</h2>\n");
        if (!a.services().isEmpty()) {
            b.append("<h3>Insatser</h3>\n<ul>\n");
            for (String id : a.serviceIds()) {
                Optional<String> title = serviceTitles.apply(id);
                if (title.isPresent()) {
                    b.append("<li><a href=\"/id/service/").append(Html.escape(id)).append("\">").append(Html.escape(title.get()))
                            .append("</a></li>\n");
                } else {
                    b.append("<li>").append(Html.escape(id)).append(" (insatsen finns inte i katalogen just nu)</li>\n");
                }
            }
            b.append("</ul>\n");
        }
        if (!a.situations().isEmpty()) {
            b.append("<h3>Situationer</h3>\n<ul>\n");
            for (String code : a.situations()) {
                b.append("<li><a href=\"/hittaguiden?situation=").append(Html.escape(code)).append("#resultat\">")
                        .append(Html.escape(label(Vocabulary.SITUATION, code))).append("</a></li>\n");
            }
            b.append("</ul>\n");
        }
        list(b, "Målgrupper", Vocabulary.TARGET_GROUP, a.targetGroups());
        list(b, "Metoder", Vocabulary.METHOD, a.methods());
        if (!a.municipalities().isEmpty()) {
            b.append("<h3>Kommuner</h3>\n<p>").append(Html.escape(String.join(", ", a.municipalities().stream()
                    .map(c -> vocabulary.municipalityShortName(c).orElse(c)).toList()))).append("</p>\n");
        }
    }

    private void list(StringBuilder b, String heading, String scheme, List<String> codes) {
        if (codes.isEmpty()) {
            return;
        }
        b.append("<h3>").append(heading).append("</h3>\n<p>")
                .append(Html.escape(String.join(", ", codes.stream().map(c -> label(scheme, c)).toList()))).append("</p>\n");
    }

    private void facts(StringBuilder b, Article a) {
        b.append("<h2>Om texten</h2>\n<dl>\n");
        item(b, "Samordningsförbund", federationNames.apply(a.federationId()));
        item(b, "Publicerad", a.published());
        item(b, "Senast ändrad", a.modified());
        b.append("</dl>\n");
        if (a.url() != null && (a.url().startsWith("https://") || a.url().startsWith("http://"))) {
            b.append("<p>Källa: <a href=\"").append(Html.escape(a.url())).append("\">").append(Html.escape(a.url()))
                    .append("</a></p>\n");
        }
    }

    private String label(String scheme, String code) {
        return vocabulary.prefLabel(scheme, code, "sv").orElse(code);
    }

    private static void item(StringBuilder b, String term, String value) {
        if (value != null && !value.isBlank()) {
            b.append("<dt>").append(Html.escape(term)).append("</dt><dd>").append(Html.escape(value)).append("</dd>\n");
        }
    }

    /** The text's paragraphs (separated by a blank line), each escaped. */
    static void paragraphs(StringBuilder b, String text) {
        if (text == null) {
            return;
        }
        for (String p : text.split("\\n\\s*\\n")) {
            if (!p.isBlank()) {
                b.append("<p>").append(Html.escape(p.trim())).append("</p>\n");
            }
        }
    }

    /** The page's head, header (with {@code current} menu path marked, or none) and opened {@code <main>}, for a title (escaped here). */
    static StringBuilder head(String title, String current) {
        StringBuilder b = new StringBuilder(4096);
        return b.append("<!doctype html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape(title)).append("</title>\n")
                .append("<link rel=\"stylesheet\" href=\"/assets/site.css\">\n").append(PlanButton.SCRIPT)
                .append("</head>\n<body>\n").append(SiteHeader.html(current)).append("<main>\n");
    }

    static String foot(StringBuilder b) {
        return b.append("</main>\n<footer><p><a href=\"/\">Sök bland alla insatser</a> · Inga kakor, ingen spårning.</p></footer>\n")
                .append("</body>\n</html>\n").toString();
    }
}
