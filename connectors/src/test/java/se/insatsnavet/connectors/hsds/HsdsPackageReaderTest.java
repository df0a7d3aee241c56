package se.insatsnavet.connectors.hsds;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.insatsnavet.connectors.source.RawRecord;
import se.insatsnavet.connectors.source.SourceProblem;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@link HsdsPackageReader} on Open Referral's own samples (HSDS 3.1 and 1.1 CSV packages, as folders and zips)
 * and on small messy packages written here.
 */
class HsdsPackageReaderTest {

    private static final Path STANDARDS =
            Path.of(System.getProperty("insatsnavet.shared", "../shared")).resolve("standards");
    private static final String COUNSELLING = "ac148810-d857-441c-9679-408f346de14b";
    private static final String HELPLINE = "c89eb05c-62dd-4b64-b494-0cc347b6ea7f";

    @TempDir
    Path dir;

    // ---- HSDS 3.1 --------------------------------------------------------------------------------------------

    @Test
    void readsHsds31CsvPackageIntoNestedServices() throws Exception {
        Path sample = sample("hsds-3.1/examples/csv");

        HsdsPackageReader.Result result = HsdsPackageReader.read(sample);

        assertEquals("3", result.layout());
        assertEquals(dataRows(sample.resolve("services.csv")), result.records().size());
        assertTrue(result.problems().isEmpty(), result.problems().toString());
        RawRecord service = byId(result, COUNSELLING);
        assertEquals("services.csv row 1", service.locator());
        assertEquals(List.of("id", "name", "alternate_name", "description", "url", "email", "status"),
                service.fields().keySet().stream().limit(7).toList());
        assertEquals("Community Counselling", service.get("name"));
        assertEquals(12L, service.get("minimum_age"));
        assertEquals("Example Organization Inc.", at(service, "organization", "name"));
        assertEquals("Community Mental Health Support", at(service, "program", "name"));
        assertEquals("MyCity", at(service, "service_at_locations", "0", "location", "addresses", "0", "city"));
        assertEquals("MyCity Civic Center", at(service, "service_at_locations", "0", "location", "name"));
        assertEquals("\"+44 1234 234567\"", at(service, "phones", "0", "number"));
        assertEquals("\"+44 1234 234567\"", at(service, "contacts", "0", "phones", "0", "number"));
        assertEquals("Ann Persona", at(service, "contacts", "0", "name"));
        assertEquals("TH,FR", at(service, "schedules", "0", "byday"));
        assertEquals("Urdu", at(service, "languages", "0", "name"));
        assertEquals("gbp", at(service, "cost_options", "0", "currency"));
        // the sample's only attribute links to another entity (link_id f28dd44b-...), not to this service
        assertNull(service.get("attributes"));
        // link columns are not copied into the nested objects
        assertNull(at(service, "phones", "0", "service_id"));
    }

    @Test
    void attachesAttributesWithTheirTaxonomyTermToTheLinkedService() throws Exception {
        Path pkg = copy(sample("hsds-3.1/examples/csv"), "hsds31");
        Path attributes = pkg.resolve("attributes.csv");
        Files.writeString(attributes, Files.readString(attributes).replace("f28dd44b-0c4d-479f-8e90-4c52219a8b3c", COUNSELLING));

        RawRecord service = byId(HsdsPackageReader.read(pkg), COUNSELLING);

        assertEquals("3f7b145d-84af-42d7-8fae-eaca714b02b2", at(service, "attributes", "0", "taxonomy_term_id"));
        assertEquals("name", at(service, "attributes", "0", "taxonomy_term", "name"));
        assertEquals("code", at(service, "attributes", "0", "taxonomy_term", "code"));
        assertEquals("value", at(service, "attributes", "0", "value"));
    }

    // ---- HSDS 1.1 --------------------------------------------------------------------------------------------

    @Test
    void readsHsds11PackageIntoNestedServices() throws Exception {
        // the sample links no service to its one taxonomy term; a services_taxonomy row is added for the helpline
        Path pkg = copy(sample("hsds-1.1-sample"), "hsds11");
        Files.writeString(pkg.resolve("services_taxonomy.csv"),
                "st-1," + HELPLINE + ",df7be950-1b0f-11e9-b56e-0800200c9a66,\n", StandardOpenOption.APPEND);

        HsdsPackageReader.Result result = HsdsPackageReader.read(pkg);

        assertEquals("1.1", result.layout());
        assertEquals(13, result.records().size());
        assertTrue(result.problems().isEmpty(), result.problems().toString());
        RawRecord helpline = byId(result, HELPLINE);
        assertEquals("services.csv row 1", helpline.locator());
        assertEquals("Never Homeless Helpline", helpline.get("name"));
        assertEquals("Sanctuary Example City", at(helpline, "organization", "name"));
        assertEquals(1997L, at(helpline, "organization", "year_incorporated"));
        assertEquals("adult", helpline.get("eligibility_description"));
        assertEquals("Taxonomy A", at(helpline, "attributes", "0", "taxonomy_term", "name"));
        assertEquals("AIRS", at(helpline, "attributes", "0", "taxonomy_term", "taxonomy"));
        assertEquals("New York City", at(helpline, "service_at_locations", "0", "location", "addresses", "0", "city"));
        assertEquals("physical", at(helpline, "service_at_locations", "0", "location", "addresses", "0", "address_type"));
        assertEquals("MO", at(helpline, "schedules", "0", "byday"));
        assertEquals("09:00:00", at(helpline, "schedules", "0", "opens_at"));
        assertEquals("English", at(helpline, "languages", "0", "name"));
        assertEquals("Sample service area", at(helpline, "service_areas", "0", "name"));
        RawRecord bubbles = result.records().stream()
                .filter(r -> "Bubbles at The Cross".equals(r.get("name"))).findFirst().orElseThrow();
        assertEquals("(223) 4567 12534", at(bubbles, "phones", "0", "number"));
    }

    @Test
    void translatesHsds11AgesWeekdayNamesAndPhoneLanguages() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("datapackage.json", utf8("{\"resources\": [{\"name\": \"services\", \"path\": \"services.csv\"}]}"));
        files.put("services.csv", utf8("id,name\ns1,Läxhjälp\n"));
        files.put("eligibility.csv", utf8("id,service_id,eligibility,minimum_age,maximum_age\n"
                + "e1,s1,skolelever,7,16\ne2,s1,bor i kommunen,,\n"));
        files.put("regular_schedules.csv", utf8("id,service_id,weekday,opens_at,closes_at\nr1,s1,Thursday,15:00,17:00\n"));
        files.put("phones.csv", utf8("id,service_id,number,language\np1,s1,031-123 45,\"sv, en\"\n"));

        HsdsPackageReader.Result result = HsdsPackageReader.read(files);

        assertEquals("1.1", result.layout());
        RawRecord service = result.records().get(0);
        assertEquals("skolelever; bor i kommunen", service.get("eligibility_description"));
        assertEquals(7L, service.get("minimum_age"));
        assertEquals(16L, service.get("maximum_age"));
        assertEquals("TH", at(service, "schedules", "0", "byday"));
        assertEquals("sv", at(service, "phones", "0", "languages", "0", "code"));
        assertEquals("en", at(service, "phones", "0", "languages", "1", "code"));
    }

    @Test
    void keepsTheTablesEveryServiceLinksToAndCountsTheRowsNoServiceTakes() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("services.csv", utf8("id,organization_id,name,fees\ns1,o1,Läxhjälp,Gratis\n"));
        files.put("organizations.csv", utf8("id,name\no1,Förbundet\no2,Ingen insats\n"));
        files.put("holiday_schedules.csv", utf8("id,service_id,closed,start_date,end_date\nh1,s1,true,2026-12-24,2026-12-26\n"));
        files.put("payments_accepted.csv", utf8("id,service_id,payment\nb1,s1,Swish\nb2,okänd,kontant\n"));
        files.put("meta_table_descriptions.csv", utf8("id,name,language,character_set\nm1,services,sv,UTF-8\nm2,phones,sv,UTF-8\n"));
        files.put("regular_schedules.csv", utf8("id,service_id,weekday,opens_at\nr1,s1,1,09:00\n"));

        HsdsPackageReader.Result result = HsdsPackageReader.read(files);

        RawRecord service = result.records().get(0);
        assertEquals("Gratis", service.get("fees_description"));
        assertEquals("2026-12-24", at(service, "holiday_schedules", "0", "start_date"));
        assertEquals("Swish", at(service, "payments_accepted", "0", "payment"));
        assertEquals(Map.of("meta_table_descriptions.csv", 2, "organizations.csv", 1, "payments_accepted.csv", 1),
                result.notCarried());
    }

    // ---- zip -------------------------------------------------------------------------------------------------

    @Test
    void readsAZippedPackageInASubFolderLikeTheFolder() throws Exception {
        Path folder = sample("hsds-1.1-sample");
        Path zip = dir.resolve("hsds.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip)); Stream<Path> files = Files.list(folder)) {
            out.putNextEntry(new ZipEntry("export/"));
            for (Path file : files.sorted().toList()) {
                out.putNextEntry(new ZipEntry("export/" + file.getFileName()));
                out.write(Files.readAllBytes(file));
            }
        }

        HsdsPackageReader.Result fromZip = HsdsPackageReader.read(zip);
        HsdsPackageReader.Result fromFolder = HsdsPackageReader.read(folder);

        assertEquals("1.1", fromZip.layout());
        assertEquals(13, fromZip.records().size());
        assertEquals(fromFolder.records(), fromZip.records());
    }

    @Test
    void refusesZipEntriesThatLeaveThePackage() throws Exception {
        for (String name : List.of("../evil.csv", "/etc/evil.csv", "data/../../evil.csv")) {
            Path zip = dir.resolve("evil.zip");
            writeZip(zip, Map.of("datapackage.json", "{}", "services.csv", "id,name\ns1,Ok\n", name, "id\n1\n"));

            IOException e = assertThrows(IOException.class, () -> HsdsPackageReader.read(zip));

            assertTrue(e.getMessage().contains(name), e.getMessage());
        }
    }

    @Test
    void refusesAZipWithMoreEntriesThanTheLimit() throws Exception {
        Path zip = dir.resolve("many.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (int i = 0; i <= PackageFiles.MAX_ENTRIES; i++) {
                out.putNextEntry(new ZipEntry("f" + i + ".csv"));
                out.write('x');
            }
        }

        IOException e = assertThrows(IOException.class, () -> HsdsPackageReader.read(zip));

        assertTrue(e.getMessage().contains(String.valueOf(PackageFiles.MAX_ENTRIES)), e.getMessage());
    }

    // ---- messy packages --------------------------------------------------------------------------------------

    @Test
    void keepsTheGoodRowsOfAMessyPackageAndNamesTheBadOnes() throws Exception {
        Path pkg = Files.createDirectories(dir.resolve("messy"));
        Files.writeString(pkg.resolve("datapackage.json"), "{\"resources\": ["
                + "{\"name\": \"services\", \"path\": \"services.csv\"},"
                + "{\"name\": \"organizations\", \"path\": \"organizations.csv\"}]}");
        Files.write(pkg.resolve("services.csv"), (" ID ,Organization_ID,Name,Description\r\n"
                + "s1,o1,Stöd i Göteborg,Hjälp till arbete\r\n"
                + "s2,o1,För få kolumner\r\n"
                + "s1,o1,Dubblett,Samma id\r\n"
                + ",o1,Utan id,Saknar id\r\n"
                + "s3,okänd,Ensam insats,Organisationen finns inte\r\n").getBytes(Charset.forName("windows-1252")));
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        Files.write(pkg.resolve("organizations.csv"), concat(bom, utf8("id,name\no1,Samordningsförbundet Väst\n")));
        Files.writeString(pkg.resolve("phones.csv"), "id,service_id,number\np1,s1,031-10 20 30\np2,finns-inte,08-1\n");

        HsdsPackageReader.Result result = HsdsPackageReader.read(pkg);

        assertEquals(List.of("Stöd i Göteborg", "Ensam insats"), result.records().stream().map(r -> r.get("name")).toList());
        RawRecord first = result.records().get(0);
        assertEquals("services.csv row 1", first.locator());
        assertEquals("Samordningsförbundet Väst", at(first, "organization", "name"));
        assertEquals(List.of(Map.of("id", "p1", "number", "031-10 20 30")), first.get("phones"));
        assertNull(result.records().get(1).get("organization"));
        List<SourceProblem> problems = result.problems();
        assertEquals(List.of("services.csv row 2", "services.csv row 3", "services.csv row 4"),
                problems.stream().map(SourceProblem::locator).toList(), problems.toString());
        assertTrue(problems.get(0).message().contains("values"), problems.toString());
        assertEquals("id", problems.get(1).field());
        assertTrue(problems.get(1).message().contains("s1"), problems.toString());
        assertEquals("id", problems.get(2).field());
    }

    @Test
    void resourcePathsOfTheDataPackageWinOverTheUsualFileNames() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("paket/datapackage.json", utf8("{\"resources\": [{\"name\": \"services\", \"path\": \"data/tjanster.csv\"}]}"));
        files.put("paket/services.csv", utf8("id,name\nfel,Fel fil\n"));
        files.put("paket/data/tjanster.csv", utf8("id,name\nratt,Rätt fil\n"));

        HsdsPackageReader.Result result = HsdsPackageReader.read(files);

        assertEquals(List.of("Rätt fil"), result.records().stream().map(r -> r.get("name")).toList());
        assertEquals("data/tjanster.csv row 1", result.records().get(0).locator());
    }

    @Test
    void failsNamingDatapackageJsonWhenThePackageHasNeitherItNorAServicesTable() throws Exception {
        Path pkg = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(pkg.resolve("organizations.csv"), "id,name\no1,Förbundet\n");

        IOException e = assertThrows(IOException.class, () -> HsdsPackageReader.read(pkg));

        assertTrue(e.getMessage().contains("datapackage.json"), e.getMessage());
        assertTrue(e.getMessage().contains("services.csv"), e.getMessage());
    }

    @Test
    void failsNamingTheServicesTableWhenTheDataPackageListsNone() throws Exception {
        Map<String, byte[]> files = Map.of(
                "datapackage.json", utf8("{\"resources\": [{\"name\": \"organizations\", \"path\": \"organizations.csv\"}]}"),
                "organizations.csv", utf8("id,name\no1,Förbundet\n"));

        IOException e = assertThrows(IOException.class, () -> HsdsPackageReader.read(files));

        assertTrue(e.getMessage().contains("services"), e.getMessage());
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private static Path sample(String folder) {
        Path path = STANDARDS.resolve(folder);
        assumeTrue(Files.isDirectory(path), "HSDS sample folder not found: " + path
                + " (set -Dinsatsnavet.shared to the shared folder)");
        return path;
    }

    private Path copy(Path folder, String name) throws IOException {
        Path target = Files.createDirectories(dir.resolve(name));
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, target.resolve(file.getFileName().toString()));
            }
        }
        return target;
    }

    private static long dataRows(Path csv) throws IOException {
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return parser.stream().count();
        }
    }

    private static RawRecord byId(HsdsPackageReader.Result result, String id) {
        return result.records().stream().filter(r -> id.equals(r.get("id"))).findFirst()
                .orElseThrow(() -> new AssertionError("no service " + id + " in " + result.records()));
    }

    /** The value at a path of map keys and list indexes, or {@code null} when a step is missing. */
    private static Object at(RawRecord record, String... path) {
        Object current = record.fields();
        for (String step : path) {
            if (current instanceof List<?> list) {
                int index = Integer.parseInt(step);
                current = index < list.size() ? list.get(index) : null;
            } else if (current instanceof Map<?, ?> map) {
                current = map.get(step);
            } else {
                return null;
            }
        }
        return current;
    }

    private static void writeZip(Path zip, Map<String, String> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(utf8(entry.getValue()));
            }
        }
        Files.write(zip, bytes.toByteArray());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
