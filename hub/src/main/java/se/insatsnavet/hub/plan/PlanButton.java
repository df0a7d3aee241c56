package se.insatsnavet.hub.plan;

import se.insatsnavet.hub.linkeddata.Html;

/**
 * The "Lägg till i Min plan" control that any page renders for one thing a person may add to their plan (a
 * service, a guide): its title and address travel in {@code data-} attributes and {@code webroot/min-plan.js}
 * keeps them in the browser's local storage only. Without JavaScript the control is a sentence saying that
 * Min plan needs it and why; a page that renders the control puts {@link #SCRIPT} in its head once.
 */
public final class PlanButton {

    /** The script element for the page's head (the CSP allows only the hub's own scripts; no inline script). */
    public static final String SCRIPT = "<script src=\"/assets/min-plan.js\" defer></script>\n";

    private PlanButton() {
    }

    /** The control for {@code title} at {@code url} (an http(s) address or a path on this hub); every value escaped. */
    public static String html(String title, String url) {
        return "<div class=\"plan-add\" data-plan-title=\"" + Html.escape(title) + "\" data-plan-url=\"" + Html.escape(url) + "\">"
                + "<p class=\"plan-nojs\">Du kan spara det här i <a href=\"/min-plan\">Min plan</a>. Min plan behöver JavaScript, "
                + "eftersom planen bara sparas i din egen webbläsare och aldrig skickas till oss.</p>"
                + "<button type=\"button\" class=\"plan-add-button\" hidden>Lägg till i Min plan</button>"
                + "<p class=\"plan-add-status\" role=\"status\" aria-live=\"polite\"></p></div>\n";
    }
}
