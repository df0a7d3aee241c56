package se.insatsnavet.hub.linkeddata;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.insatsnavet.hub.linkeddata.ServiceResourceHandler.OFFERED;

class ContentNegotiationTest {

    @Test
    void anyMediaTypeGetsTheServersFirstChoice() {
        assertEquals(Optional.of(RdfRepresentation.TURTLE), ContentNegotiation.choose("*/*", OFFERED));
        assertEquals(Optional.of(RdfRepresentation.TURTLE), ContentNegotiation.choose(null, OFFERED));
    }

    @Test
    void aBrowserGetsHtml() {
        String chrome = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";
        assertEquals(Optional.of(RdfRepresentation.HTML), ContentNegotiation.choose(chrome, OFFERED));
    }

    @Test
    void theHighestQualityWins() {
        assertEquals(Optional.of(RdfRepresentation.JSON_LD),
                ContentNegotiation.choose("text/turtle;q=0.5, application/ld+json", OFFERED));
    }

    @Test
    void aMoreSpecificRangeOverridesAWiderOne() {
        assertEquals(Optional.of(RdfRepresentation.N_TRIPLES),
                ContentNegotiation.choose("text/*;q=0, application/n-triples;q=0.9, application/*;q=0.1", OFFERED));
    }

    @Test
    void nothingAcceptableGivesEmpty() {
        assertEquals(Optional.empty(), ContentNegotiation.choose("image/png", OFFERED));
        assertEquals(Optional.empty(), ContentNegotiation.choose("text/turtle;q=0", OFFERED));
    }

    @Test
    void malformedElementsAreSkippedNeverThrown() {
        assertEquals(Optional.empty(), ContentNegotiation.choose(";;;", OFFERED));
        assertEquals(Optional.empty(), ContentNegotiation.choose(";", OFFERED));
        assertEquals(Optional.of(RdfRepresentation.N_TRIPLES), ContentNegotiation.choose(";, application/n-triples;q=x, ,application/n-triples", OFFERED));
    }
}
