package se.insatsnavet.connectors.descriptor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DescriptorLoaderTest {

    @TempDir
    Path dir;

    private final DescriptorLoader loader = new DescriptorLoader();

    static String descriptor(String id, String sources) {
        return """
                {
                  "id": "%s",
                  "name": {"sv": "Samordningsförbundet Centrala Östergötland"},
                  "contact": {"email": "info@example.se"},
                  "members": [{"name": "Linköpings kommun", "type": "municipality", "code": "0580"}],
                  "municipalities": ["0580", "0581"],
                  "sources": %s
                }
                """.formatted(id, sources);
    }

    static final String FILE_SOURCE = """
            [{"id": "katalog", "kind": "file", "location": "data/insatser.csv", "format": "csv",
              "options": {"delimiter": ";", "encoding": "windows-1252"},
              "schedule": {"interval": "PT15M"},
              "mapping": {"fields": {"localId": "Id", "title": {"path": "Namn", "lang": "sv"},
                                     "targetGroups": {"path": "Målgrupp", "valueMap": "malgrupp"}},
                          "valueMaps": {"malgrupp": {"Unga": "young-adults"}},
                          "defaults": {"municipalities": "$federation.municipalities"}}}]
            """;

    private Path federation(String folder, String json) throws IOException {
        Path federationDir = Files.createDirectories(dir.resolve(folder));
        return Files.writeString(federationDir.resolve("federation.json"), json);
    }

    private void dataFile(String folder) throws IOException {
        Files.createDirectories(dir.resolve(folder).resolve("data"));
        Files.writeString(dir.resolve(folder).resolve("data/insatser.csv"), "Id;Namn\n");
    }

    @Test
    void loadsAValidDescriptorWithItsSourcesOptionsScheduleAndMapping() throws Exception {
        Path file = federation("centrala-ostergotland", descriptor("centrala-ostergotland", FILE_SOURCE));
        dataFile("centrala-ostergotland");

        FederationDescriptor federation = loader.load(file);

        assertEquals("centrala-ostergotland", federation.id());
        assertEquals("Samordningsförbundet Centrala Östergötland", federation.name().get("sv"));
        assertEquals(List.of("0580", "0581"), federation.municipalities());
        assertEquals(new FederationDescriptor.Member("Linköpings kommun", "municipality", "0580"), federation.members().get(0));
        assertEquals("info@example.se", federation.contact().email());
        SourceDescriptor source = federation.source("katalog").orElseThrow();
        assertEquals("file", source.kind());
        assertEquals("sv", source.language());
        assertEquals("SE", source.region(), "phone numbers are read as Swedish when the source names no region");
        assertEquals(Map.of("delimiter", ";", "encoding", "windows-1252"), source.options());
        assertEquals(Duration.ofMinutes(15).toMillis(), source.schedule().intervalMillis());
        assertEquals("Id", source.mapping().path("fields").path("localId").asText());
        assertEquals(file.getParent().resolve("data/insatser.csv"), source.locationPath(federation.directory()));
        assertFalse(source.isUrl());
    }

    @Test
    void aSourceNamesTheRegionItsPhoneNumbersAreReadIn() throws Exception {
        Path file = federation("us", descriptor("us", FILE_SOURCE.replace("\"format\": \"csv\",", "\"format\": \"csv\", \"region\": \"us\",")));
        dataFile("us");

        assertEquals("US", loader.load(file).source("katalog").orElseThrow().region());
    }

    @Test
    void aRegionWithoutPhoneNumbersIsAnErrorNamingTheField() throws Exception {
        Path file = federation("xx", descriptor("xx", FILE_SOURCE.replace("\"format\": \"csv\",", "\"format\": \"csv\", \"region\": \"XX\",")));
        dataFile("xx");

        DescriptorException failure = assertThrows(DescriptorException.class, () -> loader.load(file));

        assertTrue(failure.getMessage().contains("xx/federation.json: sources[0].region: 'XX' is not a region code"),
                failure.getMessage());
    }

    @Test
    void schemaErrorNamesTheFileAndTheFailingField() throws Exception {
        Path file = federation("centrala-ostergotland", descriptor("centrala-ostergotland",
                "[{\"id\": \"katalog\", \"location\": \"https://example.se/insatser.json\"}]"));

        DescriptorException failure = assertThrows(DescriptorException.class, () -> loader.load(file));

        assertEquals("centrala-ostergotland/federation.json: sources[0].kind: required property 'kind' not found",
                failure.getMessage());
        assertEquals("centrala-ostergotland/federation.json", failure.file());
    }

    @Test
    void everyFailingFieldIsNamed() throws Exception {
        Path file = federation("trasig", """
                {"id": "Trasig Id", "name": {"sv": "X"}, "municipalities": ["580"],
                 "sources": [{"id": "a", "kind": "file", "location": "x.csv", "format": "xml"}]}
                """);

        DescriptorException failure = assertThrows(DescriptorException.class, () -> loader.load(file));

        String message = failure.getMessage();
        for (String field : List.of("trasig/federation.json: id: ", "trasig/federation.json: municipalities[0]: ",
                "trasig/federation.json: sources[0].format: ")) {
            assertTrue(message.contains(field), () -> "missing '" + field + "' in:\n" + message);
        }
    }

    @Test
    void anIndicatorsSourceIsLoadedBesideTheServicesSources() throws Exception {
        String json = descriptor("centrala-ostergotland", FILE_SOURCE).replaceFirst("\\}\\s*$",
                ", \"indicators\": {\"kind\": \"file\", \"location\": \"data/indikatorer.csv\", \"format\": \"csv\","
                        + " \"options\": {\"delimiter\": \";\"}, \"schedule\": {\"interval\": \"P1D\"}}}");
        Path file = federation("centrala-ostergotland", json);
        dataFile("centrala-ostergotland");
        Files.writeString(dir.resolve("centrala-ostergotland/data/indikatorer.csv"), "service;period;sex;participants\n");

        FederationDescriptor d = loader.load(file);

        SourceDescriptor indicators = d.indicatorsSource().orElseThrow();
        assertEquals("indicators", indicators.id(), "the default id");
        assertEquals("file", indicators.kind());
        assertEquals(";", indicators.options().get("delimiter"));
        assertEquals(86_400_000L, indicators.schedule().intervalMillis());
        assertEquals(1, d.sources().size(), "not one of the services sources");
    }

    @Test
    void anIndicatorsSourceNeedsItsOwnIdAnExistingFileAndAKnownKind() throws Exception {
        Path file = federation("f", descriptor("f", FILE_SOURCE).replaceFirst("\\}\\s*$",
                ", \"indicators\": {\"id\": \"katalog\", \"kind\": \"file\", \"location\": \"saknas.csv\"}}"));
        dataFile("f");
        DescriptorException failure = assertThrows(DescriptorException.class, () -> loader.load(file));
        assertEquals(List.of(
                "indicators.id: 'katalog' is also the id of sources[0]; the indicators source needs an id of its own",
                "indicators.location: file not found: saknas.csv"), failure.problems());

        Path wrongKind = federation("g", descriptor("g", FILE_SOURCE).replaceFirst("\\}\\s*$",
                ", \"indicators\": {\"kind\": \"rss\", \"location\": \"https://example.se/feed\"}}"));
        dataFile("g");
        DescriptorException schema = assertThrows(DescriptorException.class, () -> loader.load(wrongKind));
        assertTrue(schema.problems().get(0).startsWith("indicators.kind"), schema.problems().toString());
    }

    @Test
    void duplicateSourceIdsAndMissingSourceFilesAreErrors() throws Exception {
        Path file = federation("dubbel", descriptor("dubbel", """
                [{"id": "a", "kind": "file", "location": "finns-inte.csv"},
                 {"id": "a", "kind": "http", "location": "https://example.se/a.json"},
                 {"id": "b", "kind": "file", "location": "../utanfor.csv"}]
                """));
        Files.writeString(dir.resolve("utanfor.csv"), "Id\n");

        DescriptorException failure = assertThrows(DescriptorException.class, () -> loader.load(file));

        assertEquals(List.of(
                "sources[0].location: file not found: finns-inte.csv",
                "sources[1].id: duplicate source id 'a' (also sources[0])",
                "sources[2].location: '../utanfor.csv' lies outside the descriptor's folder"), failure.problems());
        assertTrue(failure.getMessage().startsWith("dubbel/federation.json: sources[0].location: "), failure.getMessage());
    }

    @Test
    void unknownValueMapAndAmbiguousScheduleAreErrors() throws Exception {
        Path file = federation("f", descriptor("f", """
                [{"id": "a", "kind": "http", "location": "https://example.se/a.json",
                  "schedule": {"interval": "PT1H", "cron": "0 0 6 * * ?"},
                  "mapping": {"fields": {"localId": "id", "title": "namn", "methods": {"path": "metod", "valueMap": "saknas"}}}}]
                """));

        DescriptorException failure = assertThrows(DescriptorException.class, () -> loader.load(file));

        assertEquals(List.of("sources[0].schedule: set either interval or cron, not both",
                "sources[0].mapping.fields.methods.valueMap: no value map named 'saknas' in mapping.valueMaps"), failure.problems());
    }

    @Test
    void theLinkCheckIsOffUnlessSwitchedOnAndItsRecheckIntervalIsAnIsoDuration() throws Exception {
        Path plain = federation("av", descriptor("av", "[{\"id\": \"a\", \"kind\": \"http\", \"location\": \"https://example.se/a.json\","
                + " \"mapping\": {\"fields\": {\"localId\": \"id\", \"title\": \"namn\"}}}]"));
        assertEquals(FederationDescriptor.LinkCheck.OFF, loader.load(plain).linkCheck());
        Path on = federation("pa", Files.readString(plain).replace("\"id\": \"av\",",
                "\"id\": \"pa\", \"linkCheck\": {\"enabled\": true, \"recheckAfter\": \"PT12H\"},"));
        FederationDescriptor loaded = loader.load(on);
        assertTrue(loaded.linkCheck().enabled());
        assertEquals(java.time.Duration.ofHours(12), loaded.linkCheck().recheckAfter());
        Path bad = federation("fel", Files.readString(plain).replace("\"id\": \"av\",",
                "\"id\": \"fel\", \"linkCheck\": {\"enabled\": true, \"recheckAfter\": \"P1X\"},"));
        DescriptorException failure = assertThrows(DescriptorException.class, () -> loader.load(bad));
        assertEquals(List.of("linkCheck.recheckAfter: 'P1X' is not an ISO-8601 duration such as P7D or PT12H"), failure.problems());
    }

    @Test
    void invalidJsonIsReportedWithItsPosition() throws Exception {
        Path file = federation("f", "{\"id\": \"f\",");

        DescriptorException failure = assertThrows(DescriptorException.class, () -> loader.load(file));

        assertTrue(failure.getMessage().startsWith("f/federation.json: (document): not valid JSON"), failure.getMessage());
    }

    @Test
    void loadAllReturnsGoodDescriptorsAndPerFileErrorsSeparately() throws Exception {
        federation("centrala-ostergotland", descriptor("centrala-ostergotland", FILE_SOURCE));
        dataFile("centrala-ostergotland");
        federation("trasig", descriptor("trasig", "[{\"id\": \"a\", \"location\": \"https://example.se\"}]"));
        Files.writeString(dir.resolve("norra.json"), descriptor("norra",
                "[{\"id\": \"a\", \"kind\": \"http\", \"location\": \"https://example.se/a.json\"}]"));
        Files.writeString(dir.resolve("kopia.json"), descriptor("norra",
                "[{\"id\": \"a\", \"kind\": \"http\", \"location\": \"https://example.se/a.json\"}]"));
        Files.createDirectories(dir.resolve("tom-mapp"));

        DescriptorLoader.LoadResult result = loader.loadAll(dir);

        assertEquals(List.of("centrala-ostergotland", "norra"), result.descriptors().stream().map(FederationDescriptor::id).toList());
        assertEquals(List.of("norra.json: id: federation id 'norra' is already defined by kopia.json",
                        "trasig/federation.json: sources[0].kind: required property 'kind' not found"),
                result.errors().stream().map(DescriptorException::getMessage).sorted().toList());
    }

    @Test
    void scheduleParsesIsoIntervalsToMillisAndPassesCronThrough() {
        assertEquals(15 * 60_000L, Schedule.intervalMillis("PT15M"));
        assertEquals(3_600_000L, Schedule.parse("PT1H", null).intervalMillis());
        assertEquals(86_400_000L, Schedule.parse("P1D", null).intervalMillis());
        Schedule cron = Schedule.parse(null, "0 0 6 * * ?");
        assertTrue(cron.isCron());
        assertEquals("0 0 6 * * ?", cron.cron());
        assertNull(Schedule.parse(null, null));
        assertThrows(IllegalArgumentException.class, () -> Schedule.intervalMillis("15 minuter"));
        assertThrows(IllegalStateException.class, cron::intervalMillis);
    }

    @Test
    void aSourceMaySayItHoldsArticlesButTakesNoPluginsThenAndServicesAreTheDefault() throws Exception {
        dataFile("artiklar");
        FederationDescriptor federation = loader.load(federation("artiklar", descriptor("artiklar", """
                [{"id": "katalog", "kind": "file", "location": "data/insatser.csv", "format": "csv",
                  "mapping": {"fields": {"localId": "Id", "title": "Namn"}}},
                 {"id": "texter", "kind": "file", "location": "data/insatser.csv", "format": "csv", "records": "articles",
                  "mapping": {"fields": {"id": "Id", "title": "Namn", "kind": "Typ"}}}]""")));
        assertEquals(SourceDescriptor.Records.SERVICES, federation.source("katalog").orElseThrow().records());
        assertTrue(federation.source("texter").orElseThrow().holdsArticles());

        DescriptorException plugins = assertThrows(DescriptorException.class, () -> loader.load(federation("plugins",
                descriptor("plugins", """
                        [{"id": "texter", "kind": "file", "location": "data/insatser.csv", "format": "csv",
                          "records": "articles", "mapper": "min-mappare"}]"""))));
        assertTrue(plugins.getMessage().contains("sources[0]: a source of articles takes no plugins"), plugins.getMessage());
        DescriptorException unknown = assertThrows(DescriptorException.class, () -> loader.load(federation("okand",
                descriptor("okand", """
                        [{"id": "texter", "kind": "file", "location": "data/insatser.csv", "format": "csv", "records": "recipes"}]"""))));
        assertTrue(unknown.getMessage().contains("records"), unknown.getMessage());
    }
}
