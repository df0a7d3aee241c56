package se.insatsnavet.connectors.hsds;

import io.vertx.core.json.JsonObject;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.insatsnavet.connectors.descriptor.FederationDescriptor;
import se.insatsnavet.connectors.descriptor.SourceDescriptor;
import se.insatsnavet.connectors.fixture.FixtureServer;
import se.insatsnavet.connectors.mapping.MappingResult;
import se.insatsnavet.connectors.mapping.RecordMapper;
import se.insatsnavet.connectors.source.RawRecord;
import se.insatsnavet.connectors.source.SourceBatch;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** HSDS packages (3.1 and 1.1, folder and zip) and an HSDS API, read from Open Referral's own samples. */
class HsdsSourceTest {

    private static final Path STANDARDS = Path.of(System.getProperty("insatsnavet.shared", "../shared")).resolve("standards");

    @TempDir
    Path dir;

    private CamelContext context;

    @BeforeEach
    void startCamel() {
        context = new DefaultCamelContext();
        context.start();
    }

    @AfterEach
    void stopCamel() {
        context.stop();
    }

    private static Path sample(String folder) {
        Path path = STANDARDS.resolve(folder);
        assumeTrue(Files.isDirectory(path), "HSDS samples not found in " + path + " (../shared/standards)");
        return path;
    }

    private SourceBatch read(String options) throws Exception {
        return assertInstanceOf(HsdsSourceEndpoint.class, context.getEndpoint("insats-hsds:demo/hsds?" + options)).read();
    }

    private static RawRecord named(SourceBatch batch, String name) {
        return batch.records().stream().filter(r -> name.equals(r.get("name"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Object at(RawRecord record, String... path) {
        Object current = record.fields();
        for (String step : path) {
            current = current instanceof List<?> list ? list.get(Integer.parseInt(step)) : ((Map<String, Object>) current).get(step);
        }
        return current;
    }

    @Test
    void readsTheHsds31CsvPackageIntoNestedServices() throws Exception {
        HsdsPackageReader.Result result = HsdsPackageReader.read(sample("hsds-3.1/examples/csv"));
        assertEquals("3", result.layout());
        assertEquals(1, result.records().size());
        RawRecord service = result.records().get(0);
        assertEquals("ac148810-d857-441c-9679-408f346de14b", service.get("id"));
        assertEquals("Community Counselling", service.get("name"));
        assertEquals("Example Organization Inc.", at(service, "organization", "name"));
        assertEquals("MyCity", at(service, "service_at_locations", "0", "location", "addresses", "0", "city"));
        assertEquals("\"+44 1234 234567\"", at(service, "phones", "0", "number"));
        assertEquals("Ann Persona", at(service, "contacts", "0", "name"));
        assertEquals(12L, service.get("minimum_age"));
    }

    @Test
    void readsTheHsds11PackageInTheSameShape() throws Exception {
        SourceBatch batch = read("path=RAW(" + sample("hsds-1.1-sample") + ")");
        assertEquals(13, batch.records().size());
        RawRecord helpline = named(batch, "Never Homeless Helpline");
        assertEquals("services.csv row 1", helpline.locator());
        assertEquals("Sanctuary Example City", at(helpline, "organization", "name"));
        assertEquals("adult", helpline.get("eligibility_description"));
        assertEquals("New York City", at(helpline, "service_at_locations", "0", "location", "addresses", "0", "city"));
        assertEquals("physical", at(helpline, "service_at_locations", "0", "location", "addresses", "0", "address_type"));
        assertEquals("MO", at(helpline, "schedules", "0", "byday"));
        assertEquals("English", at(helpline, "languages", "0", "name"));
        assertEquals("(223) 4567 12534", at(named(batch, "Bubbles at The Cross"), "phones", "0", "number"));
    }

    @Test
    void aZippedPackageReadsTheSameAndAZipSlipIsRefused() throws Exception {
        Path folder = sample("hsds-1.1-sample");
        Path zip = dir.resolve("paket.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip)); Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                out.putNextEntry(new ZipEntry("hsds/" + file.getFileName()));
                out.write(Files.readAllBytes(file));
            }
        }
        assertEquals(HsdsPackageReader.read(folder).records(), HsdsPackageReader.read(zip).records());

        Path evil = dir.resolve("evil.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(evil))) {
            out.putNextEntry(new ZipEntry("../evil.csv"));
            out.write("id\n1\n".getBytes(StandardCharsets.UTF_8));
        }
        IOException e = assertThrows(IOException.class, () -> read("path=RAW(" + evil + ")"));
        assertTrue(e.getMessage().contains("'../evil.csv' points outside the package"), e.getMessage());
    }

    @Test
    void aMessyPackageKeepsItsGoodRowsAndNamesTheBadOnes() throws Exception {
        Path pkg = Files.createDirectories(dir.resolve("messy"));
        Files.write(pkg.resolve("services.csv"), ("id,organization_id,name,description\n"
                + "s1,o1,Stöd i Göteborg,Hjälp till arbete\n"
                + "s2,o1,För få kolumner\n"
                + "s1,o1,Dubblett,Samma id\n"
                + ",o1,Utan id,Saknar id\n").getBytes(Charset.forName("windows-1252")));
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        Files.write(pkg.resolve("organizations.csv"), concat(bom, " ID , Name \no1,Samordningsförbundet Väst\n".getBytes(StandardCharsets.UTF_8)));
        HsdsPackageReader.Result result = HsdsPackageReader.read(pkg);
        assertEquals(1, result.records().size());
        assertEquals("Stöd i Göteborg", result.records().get(0).get("name"));
        assertEquals("Samordningsförbundet Väst", at(result.records().get(0), "organization", "name"));
        assertEquals(List.of("services.csv row 2", "services.csv row 3", "services.csv row 4"),
                result.problems().stream().map(p -> p.locator()).toList());
        assertTrue(result.problems().get(1).message().contains("already has the id s1"), result.problems().toString());
    }

    @Test
    void aPackageWithoutServicesFailsNamingTheTable() throws Exception {
        Path pkg = Files.createDirectories(dir.resolve("tom"));
        Files.writeString(pkg.resolve("datapackage.json"), "{\"resources\": [{\"name\": \"organizations\", \"path\": \"organizations.csv\"}]}");
        IOException e = assertThrows(IOException.class, () -> read("path=RAW(" + pkg + ")"));
        assertTrue(e.getMessage().contains("no services table (services.csv"), e.getMessage());
    }

    @Test
    void readsAnHsdsApiPageByPageWithEachServicesFullObject() throws Exception {
        Path examples = sample("hsds-3.1/examples");
        JsonObject page = new JsonObject(Files.readString(examples.resolve("service_list.json")));
        String full = Files.readString(examples.resolve("service_full.json"));
        try (FixtureServer server = FixtureServer.start()) {
            server.on("/hsds/services", ctx -> {
                int number = Integer.parseInt(ctx.request().getParam("page"));
                JsonObject copy = page.copy().put("page_number", number).put("total_pages", 2)
                        .put("first_page", number == 1).put("last_page", number == 2);
                ctx.json(copy);
            }).on("/hsds/services/:id", ctx -> ctx.response().putHeader("Content-Type", "application/json").end(full));
            SourceBatch batch = read("url=RAW(" + server.url("/hsds") + ")");
            assertEquals(2, batch.records().size());
            RawRecord service = batch.records().get(0);
            assertEquals("service ac148810-d857-441c-9679-408f346de14b", service.locator());
            assertEquals("Example Organization Inc.", at(service, "organization", "name"));
            assertEquals("MyCity", at(service, "service_at_locations", "0", "location", "addresses", "0", "city"));
            assertEquals("page=2&per_page=100", server.requests().get(2).query());
        }
    }

    @Test
    void theBuiltInMappingTurnsAnHsdsServiceIntoACanonicalOne() throws Exception {
        RawRecord service = HsdsPackageReader.read(sample("hsds-3.1/examples/csv")).records().get(0);
        FederationDescriptor federation = new FederationDescriptor("demo", Map.of("sv", "Demo"), Map.of(), null, null,
                List.of(), List.of("1480"), List.of(), dir.resolve("federation.json"));
        SourceDescriptor source = new SourceDescriptor("hsds", "hsds", "csv", null, "en", Map.of(), null, null);
        MappingResult result = new RecordMapper(federation, source, (scheme, value) -> Optional.empty()).map(service);
        assertTrue(result.errors().isEmpty(), result.errors().toString());
        var canonical = result.service();
        assertEquals("Community Counselling", canonical.path("title").path("en").asText());
        assertEquals("Example Organization Inc.", canonical.path("provider").path("name").path("en").asText());
        assertEquals("email@example.com", canonical.path("contact").path("email").asText());
        assertEquals(12, canonical.path("ageRange").path("min").asInt());
        assertEquals("active", canonical.path("status").asText());
        // the areas are abroad: kept as the source named them, never replaced by the federation's municipality
        assertFalse(canonical.has("municipalities"), canonical.toString());
        assertTrue(canonical.path("areas").toString().contains("\"MyCity\""), canonical.toString());
        assertTrue(result.warnings().stream().noneMatch(w -> w.field().equals("municipalities") && "MyCity".equals(w.value())),
                result.warnings().toString());
        assertEquals("ac148810-d857-441c-9679-408f346de14b", canonical.at("/identifiers/0/notation").asText());
        assertEquals("per 1 hour session", canonical.at("/hsds/cost_options/0/amount_description").asText(), canonical.toString());
    }

    @Test
    void aServiceNamingNoAreaAtAllGetsTheFederationsMunicipalities() throws Exception {
        RawRecord service = new RawRecord("row 1", Map.of("id", "s1", "name", "Stöd", "description", "Text"));
        FederationDescriptor federation = new FederationDescriptor("demo", Map.of("sv", "Demo"), Map.of(), null, null,
                List.of(), List.of("1480"), List.of(), dir.resolve("federation.json"));
        SourceDescriptor source = new SourceDescriptor("hsds", "hsds", "csv", null, "sv", Map.of(), null, null);
        var canonical = new RecordMapper(federation, source, (scheme, value) -> Optional.empty()).map(service).service();
        assertEquals("[\"1480\"]", canonical.path("municipalities").toString());
        assertFalse(canonical.has("areas"));
    }

    @Test
    void aLargeMessyPackageComesThroughWithEveryGoodService() throws Exception {
        Path pkg = Files.createDirectories(dir.resolve("stor"));
        StringBuilder services = new StringBuilder("ID, Organization_ID ,Name,Description,Email,Minimum_Age\r\n");
        StringBuilder phones = new StringBuilder("id,service_id,number\n");
        for (int i = 1; i <= 400; i++) {
            services.append("svc-").append(i).append(",org-").append(i % 7).append(",\"Insats nr ").append(i)
                    .append(", \"\"citat\"\"\",\"Rad ett\nRad två\",").append(i % 3 == 0 ? "  " : "kontakt" + i + "@exempel.se")
                    .append(',').append(i % 5 == 0 ? "ung" : String.valueOf(i % 30)).append("\r\n");
            phones.append("p").append(i).append(",svc-").append(i).append(",\"Tel: 08-").append(100 + i).append(" 00\"\n");
        }
        services.append("\r\n");
        Files.writeString(pkg.resolve("services.csv"), services, StandardCharsets.UTF_8);
        Files.writeString(pkg.resolve("phones.csv"), phones, StandardCharsets.UTF_8);
        Files.writeString(pkg.resolve("organizations.csv"), "id,name\norg-0,Förbund 0\norg-1,Förbund 1\n", StandardCharsets.UTF_8);

        HsdsPackageReader.Result result = HsdsPackageReader.read(pkg);
        assertEquals(400, result.records().size(), result.problems().toString());
        assertTrue(result.problems().isEmpty(), result.problems().toString());
        RawRecord seventh = result.records().get(6);
        assertEquals("Insats nr 7, \"citat\"", seventh.get("name"));
        assertEquals("Rad ett\nRad två", seventh.get("description"));
        assertEquals("Förbund 0", at(seventh, "organization", "name"));
        assertEquals(7L, seventh.get("minimum_age"));
        assertEquals("ung", result.records().get(4).get("minimum_age"));
        assertEquals(null, result.records().get(2).get("email"));
        assertEquals("Tel: 08-107 00", at(seventh, "phones", "0", "number"));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
