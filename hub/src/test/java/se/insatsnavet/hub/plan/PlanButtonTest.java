package se.insatsnavet.hub.plan;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanButtonTest {

    @Test
    void theTitleAndAddressAreEscapedAndTheControlSaysWhyItNeedsJavaScript() {
        String html = PlanButton.html("Stöd \"<script>alert(1)</script>\" & mer", "https://example.org/id/service/a.b?x=1&y=\"2\"");
        assertTrue(html.contains("data-plan-title=\"Stöd &quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot; &amp; mer\""), html);
        assertTrue(html.contains("data-plan-url=\"https://example.org/id/service/a.b?x=1&amp;y=&quot;2&quot;\""), html);
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("Min plan behöver JavaScript, eftersom planen bara sparas i din egen webbläsare och aldrig skickas till oss."), html);
        assertTrue(html.contains("<button type=\"button\" class=\"plan-add-button\" hidden>Lägg till i Min plan</button>"), html);
        assertTrue(html.contains("role=\"status\" aria-live=\"polite\""), html);
    }
}
