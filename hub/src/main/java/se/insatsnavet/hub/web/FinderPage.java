package se.insatsnavet.hub.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import se.insatsnavet.connectors.descriptor.FederationDescriptor;
import se.insatsnavet.hub.http.Blocking;
import se.insatsnavet.hub.http.Responses;
import se.insatsnavet.hub.linkeddata.Html;
import se.insatsnavet.hub.linkeddata.ServicePage;
import se.insatsnavet.hub.linkeddata.SiteHeader;
import se.insatsnavet.hub.linkeddata.StatusBadge;
import se.insatsnavet.hub.services.ServiceCatalog;
import se.insatsnavet.hub.usage.UsageCounter;
import se.insatsnavet.schema.Vocabulary;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * {@code GET /hittaguiden}: the guided finder. A few plain-language questions (age, municipality, present
 * situation, what help is wanted, whether several agencies are already involved) in one GET form, so the
 * answers are a sharable URL; then, at {@code #resultat} (the form posts there, the region is announced),
 * the matching services nearby, ranked, each with a line saying why it matches, "Fler som kan passa" below
 * them, and when nothing matches the services of the neighbouring municipalities and the county and whom to
 * call (see {@link FinderMatching}). Server-rendered, no cookies; a small script only moves the focus to the answer.
 */
public final class FinderPage implements Handler<RoutingContext> {

    /** A present situation: its label, the target groups it means, and "för dig som …". */
    record Situation(String label, String[] targetGroups, String forYou) {
    }

    /** A kind of help: its label and the methods that give it. */
    record Help(String label, String... methods) {
    }

    /** Present situations → target groups. */
    static final Map<String, Situation> SITUATIONS = situations();
    /** Kinds of help wanted → methods that give it. */
    static final Map<String, Help> HELP = help();
    /** Phone numbers anyone may call (the agencies' public customer service). */
    private static final String AGENCIES = "Du kan också ringa Arbetsförmedlingen, <a href=\"tel:0771416416\">0771-416 416</a>, "
            + "eller Försäkringskassan, <a href=\"tel:0771524524\">0771-524 524</a>, eller socialtjänsten i din kommun.";

    private final Vertx vertx;
    private final Vocabulary vocabulary;
    private final Map<String, String> municipalities = new TreeMap<>();
    private final ServiceCatalog catalog;
    private final MunicipalityNeighbours neighbours = MunicipalityNeighbours.of(SwedenMap.load());
    private FinderMatching matching;
    private FinderGuideSection guides;
    private UsageCounter usage;

    private FinderPage(Vertx vertx, ServiceCatalog catalog, Vocabulary vocabulary) {
        this.vertx = vertx;
        this.catalog = catalog;
        this.vocabulary = vocabulary;
        for (String code : vocabulary.codes(Vocabulary.MUNICIPALITY)) {
            municipalities.put(vocabulary.municipalityShortName(code).orElse(code), code);
        }
        this.matching = new FinderMatching(catalog, vocabulary, neighbours, List::of);
    }

    public static FinderPage create(Vertx vertx, ServiceCatalog catalog, Vocabulary vocabulary) {
        return new FinderPage(vertx, catalog, vocabulary);
    }

    /** Counts each answered path (situation, help, age band) in the anonymous usage statistics. */
    public FinderPage withUsage(UsageCounter counter) {
        this.usage = counter;
        return this;
    }

    /** The federations, for whom to call when nothing matches (their contact, by the municipalities they serve). */
    public FinderPage withFederations(Supplier<Collection<FederationDescriptor>> federations) {
        this.matching = new FinderMatching(catalog, vocabulary, neighbours, federations);
        return this;
    }

    /** Starts the answer with the situation guide for the chosen situation (see {@link FinderGuideSection}). */
    public FinderPage withGuides(FinderGuideSection guideSection) {
        this.guides = guideSection;
        return this;
    }

    /** The matching services and the guide section ("" for none) of an answer. */
    private record Reply(FinderMatching.Answer answer, String guide) {
    }

    /** The answers, as read from the URL (each null when not given or not valid). */
    record Answers(Integer age, String municipality, String situation, String help, String severalAgencies) {
        boolean any() {
            return age != null || municipality != null || situation != null || help != null;
        }

        /** This page's URL with another municipality, at the answer. */
        String withMunicipality(String code) {
            StringBuilder l = new StringBuilder("/hittaguiden?kommun=").append(code);
            if (age != null) {
                l.append("&alder=").append(age);
            }
            if (situation != null) {
                l.append("&situation=").append(situation);
            }
            if (help != null) {
                l.append("&hjalp=").append(help);
            }
            if (severalAgencies != null) {
                l.append("&flera=").append(severalAgencies);
            }
            return l.append("#resultat").toString();
        }
    }

    @Override
    public void handle(RoutingContext ctx) {
        Answers a = answers(ctx);
        FinderMatching m = matching;
        FinderGuideSection g = guides;
        Blocking.run(vertx, () -> new Reply(a.any() ? m.answer(a) : FinderMatching.Answer.NONE,
                g != null && a.situation() != null ? g.html(a.situation(), a.municipality()) : "")).onComplete(ar -> {
            if (ar.failed()) {
                Responses.failed(ctx, ar.cause());
                return;
            }
            if (usage != null && a.any()) {
                usage.finderPath(a.situation(), a.help(), a.age());
            }
            ctx.response().putHeader("Content-Security-Policy",
                            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'")
                    .putHeader("X-Content-Type-Options", "nosniff").putHeader("Referrer-Policy", "no-referrer")
                    .putHeader("X-Frame-Options", "DENY");
            Responses.send(ctx, 200, "text/html; charset=utf-8", render(a, ar.result().answer(), ar.result().guide()));
        });
    }

    static Answers answers(RoutingContext ctx) {
        Integer age = null;
        String ageText = ctx.queryParams().get("alder");
        if (ageText != null && ageText.trim().matches("[0-9]{1,3}")) {
            int n = Integer.parseInt(ageText.trim());
            age = n <= 120 ? n : null;
        }
        String municipality = valid(ctx.queryParams().get("kommun"), "[0-9]{4}");
        String situation = ctx.queryParams().get("situation");
        String help = ctx.queryParams().get("hjalp");
        String several = valid(ctx.queryParams().get("flera"), "ja|nej");
        return new Answers(age, municipality, SITUATIONS.containsKey(situation) ? situation : null,
                HELP.containsKey(help) ? help : null, several);
    }

    private static String valid(String v, String regex) {
        return v != null && v.matches(regex) ? v : null;
    }

    private String render(Answers a, FinderMatching.Answer answer, String guide) {
        StringBuilder b = new StringBuilder(8192);
        b.append("<!doctype html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Hittaguiden – Insatsnavet</title>\n<link rel=\"stylesheet\" href=\"/assets/site.css\">\n")
                .append("<script src=\"/assets/hittaguiden.js\" defer></script>\n</head>\n<body>\n")
                .append("<a class=\"skip\" href=\"#resultat\">Hoppa till resultaten</a>\n")
                .append(SiteHeader.html("/hittaguiden")).append("<main>\n")
                .append("<h1>Hittaguiden</h1>\n")
                .append("<p>Svara på några korta frågor. Du behöver inte svara på alla. Sedan visar vi stöd som finns nära dig.</p>\n")
                .append("<form class=\"finder\" method=\"get\" action=\"/hittaguiden#resultat\">\n");
        b.append("<div><label for=\"alder\">Hur gammal är du?</label><input id=\"alder\" name=\"alder\" type=\"number\" min=\"0\" max=\"120\" inputmode=\"numeric\" value=\"")
                .append(a.age() == null ? "" : a.age()).append("\"></div>\n");
        b.append("<div><label for=\"kommun\">Var bor du?</label><select id=\"kommun\" name=\"kommun\"><option value=\"\">Välj kommun</option>");
        municipalities.forEach((name, code) -> b.append("<option value=\"").append(code).append('"')
                .append(code.equals(a.municipality()) ? " selected" : "").append('>').append(Html.escape(name)).append("</option>"));
        b.append("</select></div>\n");
        Map<String, String> situations = new LinkedHashMap<>();
        SITUATIONS.forEach((k, v) -> situations.put(k, v.label()));
        radios(b, "situation", "Vad stämmer bäst på dig just nu?", situations, a.situation());
        Map<String, String> helps = new LinkedHashMap<>();
        HELP.forEach((k, v) -> helps.put(k, v.label()));
        radios(b, "hjalp", "Vad vill du ha hjälp med?", helps, a.help());
        Map<String, String> several = new LinkedHashMap<>();
        several.put("ja", "Ja");
        several.put("nej", "Nej");
        radios(b, "flera", "Har du redan kontakt med flera myndigheter, till exempel Försäkringskassan och socialtjänsten?",
                several, a.severalAgencies());
        b.append("<div><button type=\"submit\">Visa stöd</button></div>\n</form>\n");
        b.append("<section id=\"resultat\" tabindex=\"-1\" aria-live=\"polite\" aria-labelledby=\"resultat-rubrik\"")
                .append(a.any() ? " data-svar=\"ja\"" : "").append(">\n");
        if (a.any()) {
            b.append(guide);
            results(b, a, answer);
        } else {
            b.append("<h2 id=\"resultat-rubrik\" class=\"visually-hidden\">Resultat</h2>\n<p>Svara på frågorna ovan för att se stöd som passar dig.</p>\n");
        }
        b.append("</section>\n</main>\n<footer><p><a href=\"/\">Sök bland alla insatser</a> · Inga kakor, ingen spårning.</p></footer>\n</body>\n</html>\n");
        return b.toString();
    }

    private void results(StringBuilder b, Answers a, FinderMatching.Answer answer) {
        List<FinderMatching.Match> best = answer.best();
        String where = a.municipality() == null ? "" : " i " + Html.escape(matching.municipalityName(a.municipality()));
        if (!best.isEmpty()) {
            b.append("<h2 id=\"resultat-rubrik\">").append(best.size()).append(best.size() == 1 ? " insats passar" : " insatser passar")
                    .append(" dig").append(where).append("</h2>\n");
            list(b, best, "Därför passar den: ");
        } else {
            b.append("<h2 id=\"resultat-rubrik\">Ingen insats").append(where).append(" passar alla dina svar</h2>\n");
        }
        if (!answer.more().isEmpty()) {
            b.append("<h2>Fler som kan passa</h2>\n<p>De här insatserna är inte gjorda just för din situation, men kan passa av skälet som står vid varje.</p>\n");
            list(b, answer.more(), "Kan passa: ");
        }
        FinderMatching.Nearby nearby = answer.nearby();
        if (nearby != null) {
            nearby(b, a, nearby);
        } else if (best.isEmpty() && answer.more().isEmpty()) {
            b.append("<p>Ändra ett svar ovan, till exempel kommun eller ålder. ").append(AGENCIES).append("</p>\n");
        }
        b.append("<p>Vill du ändra ett svar? Ändra i frågorna ovan och välj <strong>Visa stöd</strong> igen. ")
                .append("Du kan spara eller dela adressen till den här sidan.</p>\n");
    }

    private void nearby(StringBuilder b, Answers a, FinderMatching.Nearby nearby) {
        if (!nearby.services().isEmpty()) {
            b.append("<h2>Stöd i närheten</h2>\n<p>Det här finns i grannkommunerna eller i ditt län. Fråga om du kan delta fast du bor i ")
                    .append(Html.escape(matching.municipalityName(a.municipality()))).append(".</p>\n");
            list(b, nearby.services(), "");
        }
        if (!nearby.neighbours().isEmpty()) {
            b.append("<h2>Sök i en grannkommun</h2>\n<ul class=\"neighbours\">");
            nearby.neighbours().forEach((code, name) -> b.append("<li><a href=\"").append(Html.escape(a.withMunicipality(code)))
                    .append("\">").append(Html.escape(name)).append("</a></li>"));
            b.append("</ul>\n");
        }
        b.append("<h2>Vem kan du ringa?</h2>\n");
        if (!nearby.contacts().isEmpty()) {
            b.append("<ul class=\"contacts\">\n");
            for (FinderMatching.Contact c : nearby.contacts()) {
                b.append("<li><strong>").append(Html.escape(c.federation())).append("</strong>")
                        .append(c.ownMunicipality() ? "" : " (i ditt län)");
                if (c.name() != null) {
                    b.append(", ").append(Html.escape(c.name()));
                }
                if (c.phone() != null) {
                    b.append(", telefon <a href=\"tel:").append(Html.escape(c.phone().replaceAll("[^+0-9]", ""))).append("\">")
                            .append(Html.escape(c.phone())).append("</a>");
                }
                if (c.email() != null) {
                    b.append(", e-post <a href=\"mailto:").append(Html.escape(c.email())).append("\">").append(Html.escape(c.email())).append("</a>");
                }
                b.append("</li>\n");
            }
            b.append("</ul>\n");
        }
        b.append("<p>").append(AGENCIES).append("</p>\n");
    }

    private static void list(StringBuilder b, List<FinderMatching.Match> matches, String why) {
        b.append("<ol class=\"results\">\n");
        for (FinderMatching.Match m : matches) {
            ObjectNode s = m.service();
            b.append("<li><h3><a href=\"/id/service/").append(Html.escape(s.path("id").asText())).append("\">")
                    .append(Html.escape(ServicePage.text(s.path("title")))).append("</a></h3>\n");
            b.append(StatusBadge.html(s));
            if (!m.reasons().isEmpty()) {
                String reasons = String.join(", ", m.reasons());
                b.append("<p class=\"why\">").append(Html.escape(why.isEmpty()
                        ? Character.toUpperCase(reasons.charAt(0)) + reasons.substring(1) : why + reasons)).append(".</p>\n");
            }
            String provider = ServicePage.text(s.path("provider").path("name"));
            if (!provider.isEmpty()) {
                b.append("<p class=\"meta\">Anordnare: ").append(Html.escape(provider)).append("</p>\n");
            }
            JsonNode admission = s.path("admission");
            if (admission.has("referralRequired")) {
                b.append("<p class=\"meta\">").append(admission.path("referralRequired").asBoolean()
                        ? "Du behöver en remiss, till exempel från Arbetsförmedlingen eller socialtjänsten."
                        : "Du kan själv anmäla dig.").append("</p>\n");
            }
            b.append("</li>\n");
        }
        b.append("</ol>\n");
    }

    private static void radios(StringBuilder b, String name, String legend, Map<String, String> options, String chosen) {
        b.append("<fieldset><legend>").append(Html.escape(legend)).append("</legend>\n");
        int i = 0;
        for (Map.Entry<String, String> o : options.entrySet()) {
            String id = name + "-" + (i++);
            b.append("<div class=\"choice\"><input type=\"radio\" id=\"").append(id).append("\" name=\"").append(name)
                    .append("\" value=\"").append(o.getKey()).append('"').append(o.getKey().equals(chosen) ? " checked" : "")
                    .append("><label for=\"").append(id).append("\">").append(Html.escape(o.getValue())).append("</label></div>\n");
        }
        b.append("</fieldset>\n");
    }

    private static Map<String, Situation> situations() {
        Map<String, Situation> m = new LinkedHashMap<>();
        m.put("sjukskriven", new Situation("Jag är sjukskriven", new String[]{"sick-leave", "long-term-sick-leave"}, "är sjukskriven"));
        m.put("aktivitetsersattning", new Situation("Jag har aktivitetsersättning", new String[]{"activity-compensation"}, "har aktivitetsersättning"));
        m.put("forsorjningsstod", new Situation("Jag har försörjningsstöd (ekonomiskt bistånd)", new String[]{"income-support"}, "har försörjningsstöd"));
        m.put("arbetslos", new Situation("Jag är arbetslös sedan länge", new String[]{"long-term-unemployed"}, "varit arbetslös länge"));
        m.put("ung", new Situation("Jag är ung och varken arbetar eller studerar", new String[]{"not-in-education-employment"}, "varken arbetar eller studerar"));
        m.put("nyanland", new Situation("Jag är ny i Sverige", new String[]{"newly-arrived"}, "är ny i Sverige"));
        return Collections.unmodifiableMap(m);
    }

    private static Map<String, Help> help() {
        Map<String, Help> m = new LinkedHashMap<>();
        m.put("arbete", new Help("Arbete", "supported-employment", "ips", "work-training", "work-trial", "internship",
                "labour-market-knowledge", "social-enterprise"));
        m.put("studier", new Help("Studier", "study-career-guidance", "study-visits"));
        m.put("halsa", new Help("Hälsa", "health-promotion", "counselling", "motivational-interviewing"));
        m.put("ekonomi", new Help("Ekonomi", "personal-finance"));
        m.put("vardag", new Help("Vardagen", "mobilisation-course", "action-plan", "coordinated-individual-plan",
                "case-management", "relative-support"));
        return Collections.unmodifiableMap(m);
    }
}
