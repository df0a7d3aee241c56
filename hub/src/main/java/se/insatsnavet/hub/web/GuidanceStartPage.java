package se.insatsnavet.hub.web;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import se.insatsnavet.hub.guidance.Article;
import se.insatsnavet.hub.guidance.ArticleCatalog;
import se.insatsnavet.hub.http.Blocking;
import se.insatsnavet.hub.http.Responses;
import se.insatsnavet.hub.linkeddata.Html;
import se.insatsnavet.schema.Vocabulary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code GET /vagledning}: the start page of the guidance, in Swedish. "Så fungerar välfärdssystemet" lists the
 * situation guides by situation (Hittaguiden's situations, in their order; guides for no situation last), then
 * "Berättelser om livet", "Vanliga frågor" (each question with its title linking its page) and the Vägval texts,
 * each with its federation. At most {@link ArticleCatalog#MAX_LIMIT} of a kind are listed, and the page says so
 * when there are more. No query parameters (one is a 400 naming it); read on a worker.
 */
public final class GuidanceStartPage implements Handler<RoutingContext> {

    private final Vertx vertx;
    private final ArticleCatalog articles;
    private final Vocabulary vocabulary;
    private final Function<String, String> federationNames;

    private GuidanceStartPage(Vertx vertx, ArticleCatalog articles, Vocabulary vocabulary, Function<String, String> federationNames) {
        this.vertx = vertx;
        this.articles = articles;
        this.vocabulary = vocabulary;
        this.federationNames = federationNames;
    }

    public static GuidanceStartPage create(Vertx vertx, ArticleCatalog articles, Vocabulary vocabulary,
                                           Function<String, String> federationNames) {
        return new GuidanceStartPage(vertx, articles, vocabulary, federationNames);
    }

    /** The articles of one kind and how many there are in all. */
    private record Listed(List<Article> shown, int total) {
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (!ctx.queryParams().isEmpty()) {
            String name = ctx.queryParams().names().iterator().next();
            Responses.problem(ctx, 400, "Parameter '" + name + "' is not supported: " + ArticlePage.START + " takes no parameters");
            return;
        }
        Blocking.run(vertx, () -> {
            Map<String, Listed> byKind = new LinkedHashMap<>();
            for (String kind : List.of("situation-guide", "story", "question", "vagval")) {
                ArticleCatalog.Filter filter = new ArticleCatalog.Filter(null, null, null, kind);
                List<Article> shown = articles.find(filter, ArticleCatalog.MAX_LIMIT, 0);
                // counted only when the list may be cut short
                byKind.put(kind, new Listed(shown, shown.size() < ArticleCatalog.MAX_LIMIT ? shown.size() : articles.count(filter)));
            }
            return render(byKind);
        }).onComplete(ar -> {
            if (ar.failed()) {
                Responses.failed(ctx, ar.cause());
            } else {
                Responses.send(ctx, 200, "text/html; charset=utf-8", ar.result());
            }
        });
    }

    private String render(Map<String, Listed> byKind) {
        StringBuilder b = ArticlePage.head("Vägledning – Insatsnavet", ArticlePage.START);
        b.append("<h1>Vägledning</h1>\n<p>Här kan du läsa hur välfärdssystemet fungerar, vad andra har varit med om "
                + "och svar på vanliga frågor. Texterna kommer från samordningsförbunden.</p>\n");
        b.append("<nav aria-label=\"På den här sidan\"><ul>"
                + "<li><a href=\"#guider\">Så fungerar välfärdssystemet</a></li>"
                + "<li><a href=\"#berattelser\">Berättelser om livet</a></li>"
                + "<li><a href=\"#fragor\">Vanliga frågor</a></li>"
                + "<li><a href=\"#vagval\">Vägval: insatser förklarade</a></li></ul></nav>\n");
        guides(b, byKind.get("situation-guide"));
        section(b, "berattelser", "Berättelser om livet",
                "Människor berättar om sin väg tillbaka till arbete eller studier.", byKind.get("story"), false);
        section(b, "fragor", "Vanliga frågor", "Frågor och svar om stödet.", byKind.get("question"), true);
        section(b, "vagval", "Vägval: insatser förklarade",
                "Insatser beskrivna med enkla ord, för dig som funderar på att vara med.", byKind.get("vagval"), false);
        return ArticlePage.foot(b);
    }

    private void guides(StringBuilder b, Listed listed) {
        b.append("<section aria-labelledby=\"guider\">\n<h2 id=\"guider\">Så fungerar välfärdssystemet</h2>\n")
                .append("<p>Välj den situation som stämmer bäst på dig. Guiden berättar vem som betalar, vem som bestämmer, "
                        + "vad du kan be om och i vilken ordning.</p>\n");
        if (listed.shown().isEmpty()) {
            b.append("<p>Det finns inga guider än.</p>\n</section>\n");
            return;
        }
        Map<String, List<Article>> bySituation = new LinkedHashMap<>();
        for (String code : FinderPage.SITUATIONS.keySet()) {
            bySituation.put(code, new ArrayList<>());
        }
        List<Article> none = new ArrayList<>();
        for (Article a : listed.shown()) {
            if (a.situations().isEmpty()) {
                none.add(a);
            }
            for (String s : a.situations()) {
                bySituation.computeIfAbsent(s, k -> new ArrayList<>()).add(a);
            }
        }
        bySituation.forEach((code, guides) -> {
            if (!guides.isEmpty()) {
                b.append("<h3>").append(Html.escape(vocabulary.prefLabel(Vocabulary.SITUATION, code, "sv").orElse(code))).append("</h3>\n");
                links(b, guides, false);
            }
        });
        if (!none.isEmpty()) {
            b.append("<h3>Fler guider</h3>\n");
            links(b, none, false);
        }
        more(b, listed);
        b.append("</section>\n");
    }

    private void section(StringBuilder b, String id, String heading, String intro, Listed listed, boolean questions) {
        b.append("<section aria-labelledby=\"").append(id).append("\">\n<h2 id=\"").append(id).append("\">").append(heading)
                .append("</h2>\n<p>").append(intro).append("</p>\n");
        if (listed.shown().isEmpty()) {
            b.append("<p>Det finns inga texter här än.</p>\n");
        } else {
            links(b, listed.shown(), questions);
            more(b, listed);
        }
        b.append("</section>\n");
    }

    private void links(StringBuilder b, List<Article> list, boolean questions) {
        b.append("<ul class=\"guidance-list\">\n");
        for (Article a : list) {
            b.append("<li><a href=\"").append(Html.escape(ArticlePage.path(a))).append("\">").append(Html.escape(a.title()))
                    .append("</a>");
            if (questions && a.answer() != null && !a.answer().isBlank()) {
                b.append("<br>").append(Html.escape(ServiceGuidanceSections.shortAnswer(a.answer())));
            }
            b.append("<br><span class=\"meta\">").append(Html.escape(federationNames.apply(a.federationId()))).append("</span></li>\n");
        }
        b.append("</ul>\n");
    }

    private static void more(StringBuilder b, Listed listed) {
        if (listed.total() > listed.shown().size()) {
            b.append("<p>Här visas ").append(listed.shown().size()).append(" av ").append(listed.total()).append(" texter.</p>\n");
        }
    }
}
