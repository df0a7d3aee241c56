package se.insatsnavet.hub;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A test federation "alfa" (Linköping) with three services and guidance articles of every kind from a JSON file
 * source: two Vägval texts about one service (one with a lättläst version), a story, two questions (one with a
 * {@code <script>} title), and a situation guide for "sjukskriven" with four steps; for the guidance page tests.
 */
final class GuidanceFixture {

    static final String ARTICLES = """
            [ {"id": "jobbsparet", "kind": "vagval", "title": "Jobbspåret förklarat",
               "text": "Jobbspåret är för dig som vill börja arbeta.\\n\\nDu träffar en coach varje vecka.",
               "easyText": "Du får hjälp att hitta ett jobb. En coach hjälper dig.",
               "services": ["s1"], "targetGroups": ["young-adults"], "published": "2026-01-10", "modified": "2026-02-03",
               "url": "https://alfa.example/vagval/jobbsparet"},
              {"id": "jobbsparet-unga", "kind": "vagval", "title": "Om Jobbspåret för unga",
               "text": "Är du under 25 år får du en egen coach i Jobbspåret.", "services": ["s1"]},
              {"id": "sara", "kind": "story", "title": "Saras väg tillbaka",
               "text": "Jag var sjukskriven i två år. Nu arbetar jag halvtid i en butik.",
               "services": ["s1"], "situations": ["sjukskriven"]},
              {"id": "kostar", "kind": "question", "title": "Kostar det något?",
               "question": "Kostar det något att vara med i Jobbspåret?",
               "answer": "Nej, det är gratis. Du får också ersättning för resor till mötena, om du reser mer än fem kilometer. Du ansöker om ersättningen hos din coach, som skickar ansökan vidare. Pengarna kommer på ditt konto inom en månad efter att ansökan kom in.",
               "services": ["s1"]},
              {"id": "guide-sjuk", "kind": "situation-guide", "title": "Om du är sjukskriven",
               "text": "Den här guiden visar vem som gör vad när du är sjukskriven.",
               "steps": [{"title": "Prata med din läkare", "text": "Läkaren bedömer hur mycket du kan arbeta och skriver ett intyg."},
                         {"title": "Ansök om sjukpenning", "text": "Försäkringskassan betalar och bestämmer om sjukpenningen."},
                         {"title": "Be om ett avstämningsmöte", "text": "Du kan be Försäkringskassan om ett möte med din arbetsgivare."},
                         {"title": "Fråga om Jobbspåret", "text": "Samordningsförbundet kan ge stöd tillbaka till arbete."}],
               "situations": ["sjukskriven"], "services": ["s1", "finns-inte"], "municipalities": ["0580"]},
              {"id": "xss", "kind": "question", "title": "<script>alert(1)</script>",
               "question": "<script>alert(2)</script>", "answer": "<b>fet</b> & mer", "services": ["s2"]} ]
            """;

    private GuidanceFixture() {
    }

    /** Writes the federation "alfa" under {@code federations}; returns its folder. */
    static Path write(Path federations) throws IOException {
        Path alfa = Files.createDirectories(federations.resolve("alfa"));
        Files.writeString(alfa.resolve("federation.json"), """
                {"id": "alfa", "name": {"sv": "Samordningsförbundet Alfa"}, "municipalities": ["0580"],
                 "sources": [
                  {"id": "lista", "kind": "file", "location": "lista.csv", "format": "csv",
                   "mapping": {"fields": {"localId": "Id", "title": "Namn", "description": "Text"},
                               "defaults": {"municipalities": "$federation.municipalities"}}},
                  {"id": "artiklar", "kind": "file", "location": "artiklar.json", "format": "json", "records": "articles"}
                 ]}
                """, StandardCharsets.UTF_8);
        Files.writeString(alfa.resolve("lista.csv"), "Id;Namn;Text\ns1;Jobbspåret;Stöd till arbete.\n"
                + "s2;Hälsoteket;Stöd för hälsan.\ns3;Ekonomiskolan;Stöd med pengar.\n", StandardCharsets.UTF_8);
        Files.writeString(alfa.resolve("artiklar.json"), ARTICLES, StandardCharsets.UTF_8);
        return alfa;
    }

    /** Starts a hub on port 0 with only the federations under {@code federations}, not importing on start. */
    static Hub start(Path data, Path federations) throws Exception {
        return Hub.start(HubOptions.defaults(data).withPort(0).withHost("127.0.0.1").withFederations(federations)
                .withImportOnStart(false).withReadRetries(0, 10).withFileWatch(0)).toCompletionStage().toCompletableFuture().get();
    }
}
