package se.insatsnavet.hub.sparql;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AcceptHeaderTest {

    private static final List<String> OFFERED = List.of("application/sparql-results+json", "application/sparql-results+xml", "text/csv");

    private static Optional<String> best(String header) {
        return AcceptHeader.parse(header).best(OFFERED, Function.identity());
    }

    @Test
    void malformedHeadersAndRangesAreReadAsAbsent() {
        for (String header : new String[] {null, "", ";;;", ";", ",,,", "text", "*/json", "text/csv;q=abc", "text/csv;q=2", "/", "a/b/c"}) {
            assertEquals(Optional.of("application/sparql-results+json"), best(header), String.valueOf(header));
        }
    }

    @Test
    void theHighestQualityWinsAndTheMostSpecificRangeDecides() {
        assertEquals(Optional.of("text/csv"), best("text/csv, application/sparql-results+json;q=0.5"));
        assertEquals(Optional.of("application/sparql-results+xml"), best("application/*;q=0.9, application/sparql-results+json;q=0.1"));
        assertEquals(Optional.of("application/sparql-results+json"), best("*/*"));
        assertEquals(Optional.of("text/csv"), best("TEXT/CSV; Q=1, ;;;"));
        assertEquals(Optional.empty(), best("text/html"));
        assertEquals(Optional.empty(), best("application/sparql-results+json;q=0, application/sparql-results+xml;q=0, text/*;q=0"));
    }
}
