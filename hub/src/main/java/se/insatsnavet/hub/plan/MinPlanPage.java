package se.insatsnavet.hub.plan;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import se.insatsnavet.hub.http.Responses;
import se.insatsnavet.hub.linkeddata.SiteHeader;

/**
 * {@code GET /min-plan}: the person's own plan, in Swedish. The page is the same for everyone (it carries no
 * plan): {@code webroot/min-plan.js} fills it from the browser's local storage and keeps every change there.
 * Without JavaScript it says plainly that Min plan needs it and why. It takes no query parameters: one is a
 * 400 naming it, so that nothing of a plan can be handed to the hub in an address either. Its policy
 * ({@link #POLICY}) lets no script on it connect anywhere.
 */
public final class MinPlanPage implements Handler<RoutingContext> {

    /** The bounds that {@code min-plan.js} enforces too (a file beyond them is refused, saying which; never cut short). */
    static final int GOAL_CHARACTERS = 2000;
    static final int STEP_CHARACTERS = 500;
    /** The menu path of the page. */
    public static final String PATH = "/min-plan";

    /**
     * The page's policy: the default's, and no connection from a script ({@code connect-src 'none'}) nor any
     * form target ({@code form-action 'none'}), so that even a changed script could not send the plan from here.
     */
    public static final String POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            + "connect-src 'none'; form-action 'none'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    private final String page = render();

    private MinPlanPage() {
    }

    public static MinPlanPage create() {
        return new MinPlanPage();
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (!ctx.queryParams().isEmpty()) {
            String name = ctx.queryParams().names().iterator().next();
            Responses.problem(ctx, 400, "Parameter '" + name + "' is not supported: /min-plan takes no parameters "
                    + "(the plan stays in the person's browser and is never sent to the hub)");
            return;
        }
        ctx.response().putHeader("Content-Security-Policy", POLICY);
        Responses.send(ctx, 200, "text/html; charset=utf-8", page);
    }

    private static String render() {
        return "<!doctype html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>Min plan – Insatsnavet</title>\n<link rel=\"stylesheet\" href=\"/assets/site.css\">\n"
                + PlanButton.SCRIPT + "</head>\n<body class=\"min-plan\">\n"
                + SiteHeader.html(PATH) + "<main>\n"
                + "<h1>Min plan</h1>\n"
                + "<p class=\"no-print\">Här kan du skriva ditt mål och små steg på vägen dit, och samla insatser som du vill veta mer om. "
                + "Du kan skriva ut planen eller spara den som en fil och ta med den till din jobbcoach eller handläggare.</p>\n"
                + "<p class=\"no-print\"><strong>Planen stannar hos dig.</strong> Den sparas bara i den här webbläsaren på din enhet. "
                + "Den skickas aldrig till Insatsnavet, och vi kan inte se den. Du behöver inget konto. "
                + "Om du använder en dator som andra också använder: spara planen som en fil och töm den sedan här.</p>\n"
                + "<div id=\"plan-utan-js\" class=\"plan-nojs\"><h2>Min plan behöver JavaScript</h2>\n"
                + "<p>Min plan sparar din plan i din egen webbläsare, inte hos oss. Till det behövs JavaScript, och det är "
                + "avstängt eller fungerar inte i din webbläsare just nu. Slå på JavaScript om du vill använda Min plan.</p>\n"
                + "<p>Allt annat på Insatsnavet fungerar utan JavaScript, till exempel <a href=\"/\">sökningen</a> och "
                + "<a href=\"/hittaguiden\">Hittaguiden</a>. Du kan också skriva din plan på papper.</p></div>\n"
                + "<div id=\"plan\" hidden>\n"
                + "<p id=\"plan-status\" class=\"no-print\" role=\"status\" aria-live=\"polite\"></p>\n"
                + "<section class=\"no-print\" aria-labelledby=\"rubrik-mal\">\n<h2 id=\"rubrik-mal\">Mitt mål</h2>\n"
                + "<label for=\"plan-mal\">Vad vill du uppnå? Skriv med dina egna ord.</label>\n"
                + "<p class=\"hint\" id=\"plan-mal-tips\">Till exempel: Jag vill börja arbeta några timmar i veckan.</p>\n"
                + "<textarea id=\"plan-mal\" rows=\"3\" maxlength=\"" + GOAL_CHARACTERS + "\" aria-describedby=\"plan-mal-tips\"></textarea>\n"
                + "</section>\n"
                + "<section class=\"no-print\" aria-labelledby=\"rubrik-steg\">\n<h2 id=\"rubrik-steg\">Delmål och små steg</h2>\n"
                + "<p>Dela upp målet i små steg som du kan ta ett i taget. Bocka av ett steg när det är klart.</p>\n"
                + "<p id=\"plan-inga-steg\">Du har inga steg än.</p>\n"
                + "<ol id=\"plan-steg\" class=\"plan-lista\"></ol>\n"
                + "<label for=\"plan-nytt-steg\">Nytt steg</label>\n"
                + "<p class=\"hint\" id=\"plan-nytt-steg-tips\">Till exempel: Ringa Samordningsteamet och fråga om ett möte.</p>\n"
                + "<div class=\"plan-rad\"><input id=\"plan-nytt-steg\" type=\"text\" maxlength=\"" + STEP_CHARACTERS
                + "\" aria-describedby=\"plan-nytt-steg-tips\">"
                + "<button type=\"button\" id=\"plan-lagg-till-steg\">Lägg till steget</button></div>\n"
                + "</section>\n"
                + "<section class=\"no-print\" aria-labelledby=\"rubrik-insatser\">\n<h2 id=\"rubrik-insatser\" tabindex=\"-1\">Insatser och guider</h2>\n"
                + "<p id=\"plan-inga-insatser\">Du har inte lagt till något än. <a href=\"/\">Sök en insats</a> och välj "
                + "”Lägg till i Min plan” på sidan om insatsen.</p>\n"
                + "<ul id=\"plan-insatser\" class=\"plan-lista\"></ul>\n"
                + "</section>\n"
                + "<section class=\"no-print\" aria-labelledby=\"rubrik-spara\">\n<h2 id=\"rubrik-spara\">Skriv ut eller spara</h2>\n"
                + "<p>Filen sparas på din enhet. Du kan ta med den till din jobbcoach och öppna den här igen senare.</p>\n"
                + "<div class=\"plan-knappar\">"
                + "<button type=\"button\" id=\"plan-skriv-ut\">Skriv ut</button>"
                + "<button type=\"button\" id=\"plan-spara-html\">Spara som läsbar fil (HTML)</button>"
                + "<button type=\"button\" id=\"plan-spara-json\">Spara som fil att öppna igen (JSON)</button></div>\n"
                + "<label for=\"plan-fil\">Öppna en plan som du har sparat som fil (JSON)</label>\n"
                + "<p class=\"hint\" id=\"plan-fil-tips\">Planen i filen ersätter planen som finns här nu.</p>\n"
                + "<input id=\"plan-fil\" type=\"file\" accept=\".json,application/json\" aria-describedby=\"plan-fil-tips\">\n"
                + "<h3>Töm planen</h3>\n<p>Tar bort allt i planen från den här webbläsaren. Spara planen som fil först om du vill behålla den.</p>\n"
                + "<button type=\"button\" id=\"plan-tom\" class=\"secondary\">Töm planen</button>\n"
                + "</section>\n"
                + "<section id=\"plan-utskrift\" class=\"print-only\"></section>\n"
                + "</div>\n</main>\n</body>\n</html>\n";
    }
}
