package se.insatsnavet.hub.http;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MediaRangesTest {

    @Test
    void aHeaderWithNoMediaRangeIsMalformed() {
        for (String accept : List.of(";;;", ";", ",", ", ,", "/", "*/html", "text/html;q=abc", "text/html;q=2", "a/b;c",
                "text/html;q=NaN", "åäö/ö", "text/ html")) {
            assertTrue(MediaRanges.malformed(accept), accept);
        }
        assertFalse(MediaRanges.malformed(null));
        assertFalse(MediaRanges.malformed(""));
        assertFalse(MediaRanges.malformed("  "));
    }

    @Test
    void malformedElementsAreSkippedAndTheOthersKept() {
        assertEquals(List.of(new MediaRanges.Range("text", "turtle", 1.0)), MediaRanges.parse("text/turtle, ;"));
        assertEquals(List.of(new MediaRanges.Range("*", "*", 1.0)), MediaRanges.parse("; , application/json;q=x, */*"));
    }

    @Test
    void oldJavaClientsHeaderIsRead() {
        List<MediaRanges.Range> ranges = MediaRanges.parse("text/html, image/gif, image/jpeg, *; q=.2, */*; q=.2");
        assertEquals(5, ranges.size());
        assertEquals(new MediaRanges.Range("*", "*", 0.2), ranges.get(3));
    }

    @Test
    void parametersAndQValuesAreRead() {
        assertEquals(List.of(new MediaRanges.Range("application", "ld+json", 0.5)),
                MediaRanges.parse("Application/LD+JSON;profile=\"http://www.w3.org/ns/json-ld#compacted\";q=0.5"));
        assertEquals(0.0, MediaRanges.parse("text/csv;q=0").get(0).q());
        assertEquals(1.0, MediaRanges.parse("text/csv;q=1.000").get(0).q());
    }

    @Test
    void aRangeMatchesItsTypesOnly() {
        MediaRanges.Range text = MediaRanges.parse("text/*").get(0);
        assertTrue(text.matches("text/turtle"));
        assertFalse(text.matches("application/json"));
        assertTrue(MediaRanges.parse("*/*").get(0).matches("application/json"));
        assertEquals(1, text.specificity());
    }
}
