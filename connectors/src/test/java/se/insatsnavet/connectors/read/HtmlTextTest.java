package se.insatsnavet.connectors.read;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class HtmlTextTest {

    @Test
    void everyHtml5NamedEntityIsDecodedWithOpeningAndClosingQuotesApart() {
        assertEquals("Grüße 5 € © ‘x’ “y” – Åre & Öland",
                HtmlText.toText("Gr&uuml;&szlig;e 5&nbsp;&euro; &copy; &lsquo;x&rsquo; &ldquo;y&rdquo; &ndash; &Aring;re &amp; &Ouml;land"));
    }

    @Test
    void numericReferencesAndEntitiesWithoutSemicolonAreDecodedAsABrowserWould() {
        assertEquals("é ✓ 😀 a & b", HtmlText.toText("&#233; &#x2713; &#128512; a &amp b"));
    }

    @Test
    void blockElementsAreLineBreaksAndInlineTagsGo() {
        assertEquals("Rubrik\nFörsta stycket med fet text.\nAndra\nraden\nCell 1 Cell 2\nRad 2",
                HtmlText.toText("<h2>Rubrik</h2><p>Första stycket med <b>fet</b> text.</p><div>Andra<br>raden</div>"
                        + "<table><tr><td>Cell 1</td><td>Cell 2</td></tr><tr><td>Rad 2</td></tr></table>"));
    }

    @Test
    void nestedListsGiveOneLinePerItem() {
        assertEquals("Vi erbjuder:\nCoachning\nSamtal\nGrupp\nPraktik",
                HtmlText.toText("<p>Vi erbjuder:</p><ul><li>Coachning<ul><li>Samtal</li><li>Grupp</li></ul></li>"
                        + "<li>Praktik</li></ul>"));
    }

    @Test
    void scriptsStylesAndCommentsAreDroppedWithTheirContent() {
        assertEquals("Hej\nDå",
                HtmlText.toText("<style>p { color: red }</style><p>Hej</p><script>alert('x & y')</script>"
                        + "<!-- intern anteckning --><p>Då</p><template><p>mall</p></template>"));
    }

    @Test
    void blanksCollapseAndBrokenMarkupStillGivesItsText() {
        assertEquals("a b\nc < d", HtmlText.toText("  a \t\n  b <p>c &lt; d"));
        assertEquals("plain text, 3 < 4", HtmlText.toText("plain text, 3 < 4"));
        assertNull(HtmlText.toText(null));
        assertEquals("", HtmlText.toText(""));
    }
}
