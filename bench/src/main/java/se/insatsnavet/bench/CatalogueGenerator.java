package se.insatsnavet.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import se.insatsnavet.schema.Vocabulary;
import se.insatsnavet.schema.vocab.HubIris;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * Writes a synthetic, deterministic federations folder for the hub: {@code <dir>/<fedId>/federation.json} plus
 * one data source per federation (CSV, JSON or NDJSON file, or an HSDS tabular data package, in turn),
 * {@code services} records in all, and beside each descriptor {@link #PUSH_FILE}: a tenth as many canonical
 * services more (new local ids) for the push API. Federation sizes
 * follow a Zipf-like law (a few large, most small); titles and descriptions are Swedish text built from word
 * lists, descriptions 100–1500 characters (skewed towards short). Concept codes come from the schema module's
 * vocabulary (concepts.ttl); municipality codes are the 290 SCB codes of the shared reference data
 * ({@code shared/reference/swedish-geodata/municipalities.csv}) or, when that folder is absent, of the
 * vocabulary's places.ttl, which is generated from the same file.
 *
 * <p>Every record is valid for its descriptor's mapping: the hub imports all of them without rejections
 * ({@code CatalogueGeneratorTest} checks that with the hub's own import pipeline).
 */
public final class CatalogueGenerator {

    /** What to generate. */
    public record Config(int services, int federations, long seed) {
        public Config {
            if (federations < 1) {
                throw new IllegalArgumentException("federations must be 1 or more");
            }
            if (services < federations) {
                throw new IllegalArgumentException("services (" + services + ") must be at least federations (" + federations + ")");
            }
        }

        public static Config of(int services, int federations) {
            return new Config(services, federations, 20240521L);
        }
    }

    /** One generated federation. */
    public record Federation(String id, String format, int services, Path descriptor, List<String> localIds) {

        /** The canonical services of this federation's push body ({@link #PUSH_FILE}), one JSON object a line. */
        public Path pushFile() {
            return descriptor.resolveSibling(PUSH_FILE);
        }
    }

    /** What was written. */
    public record Catalogue(Path dir, List<Federation> federations, long dataBytes) {
        public int services() {
            return federations.stream().mapToInt(Federation::services).sum();
        }

        /** Hub service ids ({@code <fed>.<localId>}) of every generated service. */
        public List<String> serviceIds() {
            List<String> ids = new ArrayList<>(services());
            for (Federation f : federations) {
                for (String local : f.localIds()) {
                    ids.add(HubIris.serviceId(f.id(), local));
                }
            }
            return ids;
        }

        public Federation largest() {
            return federations.stream().max(java.util.Comparator.comparingInt(Federation::services)).orElseThrow();
        }
    }

    /** A municipality of the SCB list. */
    record Municipality(String code, String name, String shortName, String county) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String[] FORMATS = {"csv", "json", "ndjson", "hsds"};
    /** Directory of an HSDS federation's tabular data package. */
    static final String HSDS_PACKAGE = "paket";
    /** File beside each federation's descriptor with canonical services for the push API (NDJSON). */
    public static final String PUSH_FILE = "push.ndjson";

    // ------------------------------------------------------------------------------------------ word lists
    private static final String[] TITLE_HEADS = {
        "Arbetsträning", "Stöd till arbete", "Vägen vidare", "Steg mot jobb", "Mobiliseringskurs", "Samordningsteam",
        "Jobbcoachning", "Studievägledning", "Hälsoskola", "Arbetsprövning", "Praktikplats", "Kartläggning",
        "Motivationsgrupp", "Ekonomisk rådgivning", "Personligt ombud", "Språkstöd", "Ungdomsguide", "Nystart",
        "Arbetsintegrerande verksamhet", "Aktivitetshus", "Friskvårdsgrupp", "Case management", "Supported employment",
        "Individuellt stöd i arbete", "Daglig sysselsättning", "Sociala företag", "Digital vägledning",
        "Återgång i arbete", "Samtalsstöd", "Anhörigstöd", "Lots", "Mentorprogram", "Yrkesintroduktion",
        "Förberedande kurs", "Arbetsmarknadskunskap", "Kompetenskartläggning", "Trappan", "Brobyggaren", "Navet",
        "Kompassen", "Framsteget", "Bron", "Startpunkten", "Jobbverkstaden", "Vägvisaren"};
    private static final String[] TITLE_TAILS = {
        "för unga vuxna", "för dig som är sjukskriven", "för nyanlända", "för långtidsarbetslösa",
        "för personer med försörjningsstöd", "för unga som varken arbetar eller studerar", "i samverkan",
        "med individuellt stöd", "för dig med aktivitetsersättning", "för personer med psykisk ohälsa",
        "för dig med funktionsnedsättning", "i grupp", "på distans", "för anhöriga", "för kvinnor",
        "för föräldrar", "steg 1", "steg 2", "för dig över 50", "för studerande"};
    private static final String[] SUBJECTS = {
        "Deltagaren", "Du", "Insatsen", "Teamet", "Handledaren", "Arbetsspecialisten", "Coachen",
        "Verksamheten", "Samordnaren", "Gruppen", "Projektet", "Personalen"};
    private static final String[] VERBS = {
        "får stöd i", "arbetar med", "kartlägger", "tränar på", "utvecklar", "planerar", "följer upp",
        "samordnar", "stärker", "provar på", "lär sig mer om", "förbereder", "utforskar", "bygger upp"};
    private static final String[] OBJECTS = {
        "sina styrkor och intressen", "vägen till arbete eller studier", "en egen handlingsplan",
        "kontakterna med myndigheter", "rutiner i vardagen", "hälsa och välmående", "sin privatekonomi",
        "arbetsträning på en riktig arbetsplats", "kunskap om arbetsmarknaden", "studier inom vuxenutbildningen",
        "svenska språket i arbetslivet", "sociala sammanhang", "motivation och självkänsla",
        "kontakten med arbetsgivare", "praktik inom kommunens verksamheter", "digitala verktyg",
        "samarbetet mellan Arbetsförmedlingen och Försäkringskassan", "en realistisk plan framåt",
        "återgång i arbete efter sjukskrivning", "stöd från flera aktörer samtidigt"};
    private static final String[] ADVERBIALS = {
        "i egen takt", "tillsammans med en handledare", "i små grupper", "under tolv veckor", "på deltid",
        "med regelbundna uppföljningar", "i samverkan med vården", "utifrån individens behov",
        "på olika orter i förbundet", "med stöd av en arbetsspecialist", "varje vecka", "under hela insatsen",
        "både individuellt och i grupp", "utan krav på förkunskaper", "i nära dialog med arbetsgivare"};
    private static final String[] EXTRA_SENTENCES = {
        "Insatsen finansieras av samordningsförbundet och dess medlemmar.",
        "Anmälan sker via handläggare på Arbetsförmedlingen, Försäkringskassan eller socialtjänsten.",
        "Deltagandet är frivilligt och kostnadsfritt.",
        "Målet är att deltagaren ska komma närmare arbete, studier eller egen försörjning.",
        "Verksamheten utgår från metoder med god evidens, bland annat motiverande samtal.",
        "Efter avslutad insats görs en gemensam uppföljning med remitterande myndighet.",
        "Lokalerna är tillgängliga och ligger nära kollektivtrafik.",
        "Tolk kan ordnas vid behov.",
        "Insatsen utvärderas löpande med stöd av indikatorer för finansiell samordning."};
    private static final String[] PROVIDERS = {
        "Arbetsmarknadsenheten", "Socialtjänsten", "Vuxenutbildningen", "Region, psykiatrin", "Studieförbundet",
        "Samordningsförbundet", "Stiftelsen Vägledning", "Föreningen Ny Start", "Daglig verksamhet",
        "Kommunens jobbtorg"};

    private final Config config;
    private final Random random;
    private final List<String> targetGroups;
    private final List<String> methods;
    private final List<String> providerTypes;
    private final List<String> fundings;
    private final List<Municipality> municipalities;

    public CatalogueGenerator(Config config) {
        this.config = Objects.requireNonNull(config, "config");
        this.random = new Random(config.seed());
        Vocabulary vocabulary = Vocabulary.load(HubIris.defaults());
        this.targetGroups = List.copyOf(vocabulary.codes(Vocabulary.TARGET_GROUP));
        this.methods = List.copyOf(vocabulary.codes(Vocabulary.METHOD));
        this.providerTypes = List.copyOf(vocabulary.codes(Vocabulary.PROVIDER_TYPE));
        this.fundings = List.copyOf(vocabulary.codes(Vocabulary.FUNDING));
        this.municipalities = loadMunicipalities(vocabulary);
    }

    /** The 290 municipalities: the shared SCB file if it is there, else the vocabulary's places. */
    static List<Municipality> loadMunicipalities(Vocabulary vocabulary) {
        Path csv = sharedFolder().resolve("reference/swedish-geodata/municipalities.csv");
        List<Municipality> out = new ArrayList<>();
        if (Files.isRegularFile(csv)) {
            try {
                List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
                for (String line : lines.subList(1, lines.size())) {
                    String[] c = line.split(",", -1);
                    if (c.length >= 4 && c[0].matches("[0-9]{4}")) {
                        out.add(new Municipality(c[0], c[1], c[2], c[3]));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + csv, e);
            }
        }
        if (out.isEmpty()) {
            for (String code : vocabulary.codes(Vocabulary.MUNICIPALITY)) {
                String name = vocabulary.municipalityName(code).orElse(code);
                out.add(new Municipality(code, name, vocabulary.municipalityShortName(code).orElse(name), code.substring(0, 2)));
            }
        }
        if (out.size() < 10) {
            throw new IllegalStateException("Found only " + out.size() + " municipalities");
        }
        return List.copyOf(out);
    }

    /** {@code shared/} beside the checkout: system property insatsnavet.shared, else ../shared, else /work/shared. */
    static Path sharedFolder() {
        String prop = System.getProperty("insatsnavet.shared");
        if (prop != null && Files.isDirectory(Path.of(prop))) {
            return Path.of(prop);
        }
        for (String candidate : new String[]{"../shared", "../../shared", "/work/shared"}) {
            if (Files.isDirectory(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        return Path.of("../shared");
    }

    /** How many municipalities the generator knows (290 with the SCB list). */
    public int municipalityCount() {
        return municipalities.size();
    }

    /** Federation sizes: Zipf-like weights 1/(i+1), scaled to {@code services}, each at least 1. */
    static int[] sizes(int services, int federations) {
        double[] w = new double[federations];
        double sum = 0;
        for (int i = 0; i < federations; i++) {
            w[i] = 1.0 / Math.pow(i + 1, 1.0);
            sum += w[i];
        }
        int[] n = new int[federations];
        int given = 0;
        int spare = services - federations;
        for (int i = 0; i < federations; i++) {
            n[i] = 1 + (int) Math.floor(spare * w[i] / sum);
            given += n[i];
        }
        for (int i = 0; given < services; i = (i + 1) % federations) {
            n[i]++;
            given++;
        }
        return n;
    }

    /** Writes the catalogue into {@code dir} (created; existing federation folders of the same ids are replaced). */
    public Catalogue generate(Path dir) throws IOException {
        Files.createDirectories(dir);
        int[] sizes = sizes(config.services(), config.federations());
        List<Municipality> pool = new ArrayList<>(municipalities);
        Collections.shuffle(pool, random);
        int next = 0;
        List<Federation> feds = new ArrayList<>();
        List<List<Municipality>> homes = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < config.federations(); i++) {
            int k = 1 + random.nextInt(6);
            List<Municipality> mine = new ArrayList<>();
            for (int j = 0; j < k; j++) {
                Municipality m = pool.get(next++ % pool.size());
                if (!mine.contains(m)) {
                    mine.add(m);
                }
            }
            mine.sort(java.util.Comparator.comparing(Municipality::code));
            String id = String.format(Locale.ROOT, "bench-%03d", i + 1);
            String format = FORMATS[i % FORMATS.length];
            Path fedDir = dir.resolve(id);
            Files.createDirectories(fedDir);
            String dataFile = format.equals("hsds") ? HSDS_PACKAGE : "insatser." + format;
            List<String> localIds = new ArrayList<>(sizes[i]);
            writeData(fedDir.resolve(dataFile), format, id, i, mine, sizes[i], localIds);
            Path descriptor = fedDir.resolve("federation.json");
            JSON.writeValue(descriptor.toFile(), descriptor(id, i, mine, format, dataFile));
            bytes += size(fedDir.resolve(dataFile));
            feds.add(new Federation(id, format, sizes[i], descriptor, List.copyOf(localIds)));
            homes.add(mine);
        }
        // push bodies last, so that the files above are the same as without them
        for (int i = 0; i < feds.size(); i++) {
            Federation f = feds.get(i);
            writePush(f.pushFile(), f.id(), i, homes.get(i), Math.max(1, f.services() / 10));
        }
        return new Catalogue(dir, List.copyOf(feds), bytes);
    }

    // ------------------------------------------------------------------------------------------ descriptor

    private ObjectNode descriptor(String id, int index, List<Municipality> mine, String format, String dataFile) {
        ObjectNode d = JSON.createObjectNode();
        d.put("$schema", "https://insatsnavet.se/schema/federation.schema.json");
        d.put("id", id);
        String place = mine.get(0).shortName() + (mine.size() > 1 ? " m.fl." : "");
        d.putObject("name").put("sv", "Samordningsförbundet " + place + " (test " + (index + 1) + ")")
                .put("en", "Coordination federation " + place + " (benchmark " + (index + 1) + ")");
        d.putObject("description").put("sv", "Syntetiskt förbund för prestandamätning. Medlemmar: "
                + String.join(", ", mine.stream().map(Municipality::name).toList()) + ".");
        d.put("homepage", "https://" + id + ".example.se");
        d.putObject("contact").put("name", "Förbundets kansli").put("email", "kansli@" + id + ".example.se").put("phone", "010-100 00 " + String.format(Locale.ROOT, "%02d", index % 100));
        ArrayNode members = d.putArray("members");
        members.addObject().put("name", "Arbetsförmedlingen").put("type", "arbetsformedlingen");
        members.addObject().put("name", "Försäkringskassan").put("type", "forsakringskassan");
        members.addObject().put("name", "Region " + mine.get(0).county()).put("type", "region").put("code", mine.get(0).county());
        for (Municipality m : mine) {
            members.addObject().put("name", m.name()).put("type", "municipality").put("code", m.code());
        }
        ArrayNode codes = d.putArray("municipalities");
        mine.forEach(m -> codes.add(m.code()));
        ObjectNode source = d.putArray("sources").addObject();
        source.put("id", "katalog");
        if (format.equals("hsds")) {
            // the hsds connector's built-in mapping, with the provider type (not an HSDS field) defaulted
            source.put("kind", "hsds");
            source.put("location", dataFile);
            source.put("language", "sv");
            source.putObject("schedule").put("interval", "PT1H");
            ObjectNode defaults = source.putObject("mapping").putObject("defaults");
            defaults.put("municipalities", "$federation.municipalities");
            defaults.put("status", "active");
            defaults.put("provider.type", "municipality");
            return d;
        }
        source.put("kind", "file");
        source.put("location", dataFile);
        source.put("format", format);
        source.put("language", "sv");
        ObjectNode options = source.putObject("options");
        options.put("encoding", "UTF-8");
        if (format.equals("csv")) {
            options.put("delimiter", ";");
        }
        source.putObject("schedule").put("interval", "PT1H");
        ObjectNode mapping = source.putObject("mapping");
        ObjectNode fields = mapping.putObject("fields");
        if (format.equals("csv")) {
            fields.put("localId", "Id");
            fields.put("title", "Insatsens namn");
            fields.put("description", "Beskrivning");
            fields.putObject("targetGroups").put("path", "Målgrupper").put("split", "|");
            fields.putObject("methods").put("path", "Metoder").put("split", "|");
            fields.putObject("municipalities").put("path", "Kommuner").put("split", "|");
            fields.putObject("ageRange.min").put("path", "Ålder från").put("type", "integer");
            fields.putObject("ageRange.max").put("path", "Ålder till").put("type", "integer");
            fields.putObject("admission.referralRequired").put("path", "Remiss krävs").put("type", "boolean");
            fields.put("provider.name", "Anordnare");
            fields.put("provider.type", "Huvudmannatyp");
            fields.putObject("funding").put("path", "Finansiering").put("split", "|");
            fields.put("contact.email", "E-post");
            fields.put("contact.phone", "Telefon");
            fields.put("homepage", "Webbplats");
            fields.put("status", "Status");
            fields.putObject("lastReviewed").put("path", "Senast granskad").put("type", "date");
        } else {
            fields.put("localId", "id");
            fields.put("title", "name");
            fields.put("description", "summary");
            fields.put("targetGroups", "audience");
            fields.put("methods", "methods");
            fields.put("municipalities", "areas");
            fields.put("ageRange.min", "age.min");
            fields.put("ageRange.max", "age.max");
            fields.put("admission.referralRequired", "admission.referral");
            fields.put("admission.selfReferral", "admission.selfReferral");
            fields.put("provider.name", "provider.name");
            fields.put("provider.type", "provider.type");
            fields.put("funding", "funding");
            fields.put("contact.email", "contact.email");
            fields.put("contact.phone", "contact.phone");
            fields.put("contact.url", "contact.url");
            fields.put("keywords", "tags");
            fields.put("status", "status");
            fields.put("lastReviewed", "reviewed");
        }
        ObjectNode defaults = mapping.putObject("defaults");
        defaults.put("municipalities", "$federation.municipalities");
        defaults.put("status", "active");
        return d;
    }

    // ------------------------------------------------------------------------------------------ records

    /** One generated service in neutral form, written per format below. */
    private record Service(String localId, String title, String description, List<String> targetGroups,
                           List<String> methods, List<String> municipalities, Integer minAge, Integer maxAge,
                           boolean referral, String providerName, String providerType, List<String> funding,
                           String email, String phone, String url, String status, String reviewed,
                           List<String> tags) {
    }

    private Service service(String fedId, int fedIndex, int n, List<Municipality> mine) {
        String localId = String.format(Locale.ROOT, "F%03d-%06d", fedIndex + 1, n + 1);
        String title = pick(TITLE_HEADS) + " " + pick(TITLE_TAILS);
        String description = description();
        List<String> groups = sample(targetGroups, 1 + random.nextInt(3));
        List<String> meth = sample(methods, 1 + random.nextInt(4));
        List<String> places = new ArrayList<>();
        if (random.nextInt(3) > 0 || mine.size() == 1) {
            // a subset of the federation's municipalities (else: the descriptor's default, all of them)
            for (Municipality m : mine) {
                if (places.isEmpty() || random.nextBoolean()) {
                    places.add(m.code());
                }
            }
        }
        Integer min = null;
        Integer max = null;
        if (random.nextInt(4) > 0) {
            min = 16 + random.nextInt(10);
            max = Math.max(min + 4, 29 + random.nextInt(36));
        }
        String providerType = pick(providerTypes);
        String providerName = pick(PROVIDERS) + " " + mine.get(random.nextInt(mine.size())).shortName();
        List<String> funding = sample(fundings, 1 + random.nextInt(2));
        String email = "insats" + (n + 1) + "@" + fedId + ".example.se";
        String phone = String.format(Locale.ROOT, "0%d-%03d %02d %02d", 8 + random.nextInt(90), random.nextInt(1000),
                random.nextInt(100), random.nextInt(100));
        String url = "https://" + fedId + ".example.se/insatser/" + localId.toLowerCase(Locale.ROOT);
        int s = random.nextInt(20);
        String status = s < 16 ? "active" : s < 18 ? "planned" : s < 19 ? "paused" : "ended";
        String reviewed = String.format(Locale.ROOT, "20%02d-%02d-%02d", 21 + random.nextInt(5), 1 + random.nextInt(12), 1 + random.nextInt(28));
        List<String> tags = random.nextInt(3) == 0 ? List.of() : List.of(pick(TITLE_HEADS).toLowerCase(Locale.ROOT), pick(OBJECTS));
        return new Service(localId, title, description, groups, meth, places, min, max, random.nextInt(3) > 0,
                providerName, providerType, funding, email, phone, url, status, reviewed, tags);
    }

    /** Swedish prose of 100–1500 characters, skewed towards the short end. */
    private String description() {
        double r = random.nextDouble();
        int target = 100 + (int) (1400 * r * r);
        StringBuilder b = new StringBuilder();
        while (b.length() < target) {
            String sentence = random.nextInt(5) == 0 ? pick(EXTRA_SENTENCES)
                    : pick(SUBJECTS) + " " + pick(VERBS) + " " + pick(OBJECTS) + " " + pick(ADVERBIALS) + ".";
            if (b.length() > 0 && b.length() + 1 + sentence.length() > 1500) {
                break;
            }
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(sentence);
        }
        while (b.length() < 100) {
            b.append(' ').append(pick(EXTRA_SENTENCES));
        }
        if (b.length() > 1500) {
            b.setLength(1500);
        }
        return b.toString().trim();
    }

    private String pick(String[] words) {
        return words[random.nextInt(words.length)];
    }

    private String pick(List<String> words) {
        return words.get(random.nextInt(words.size()));
    }

    private List<String> sample(List<String> from, int k) {
        List<String> out = new ArrayList<>(k);
        while (out.size() < Math.min(k, from.size())) {
            String v = from.get(random.nextInt(from.size()));
            if (!out.contains(v)) {
                out.add(v);
            }
        }
        return out;
    }

    private void writeData(Path file, String format, String fedId, int fedIndex, List<Municipality> mine, int count,
                           List<String> localIds) throws IOException {
        switch (format) {
            case "csv" -> {
                try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                     CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator("\n").get())) {
                    csv.printRecord("Id", "Insatsens namn", "Beskrivning", "Målgrupper", "Metoder", "Kommuner", "Ålder från",
                            "Ålder till", "Remiss krävs", "Anordnare", "Huvudmannatyp", "Finansiering", "E-post", "Telefon",
                            "Webbplats", "Status", "Senast granskad");
                    for (int n = 0; n < count; n++) {
                        Service s = service(fedId, fedIndex, n, mine);
                        localIds.add(s.localId());
                        csv.printRecord(s.localId(), s.title(), s.description(), String.join("|", s.targetGroups()),
                                String.join("|", s.methods()), String.join("|", s.municipalities()),
                                s.minAge() == null ? "" : s.minAge(), s.maxAge() == null ? "" : s.maxAge(),
                                s.referral() ? "Ja" : "Nej", s.providerName(), s.providerType(), String.join("|", s.funding()),
                                s.email(), s.phone(), s.url(), s.status(), s.reviewed());
                    }
                }
            }
            case "json" -> {
                try (OutputStream out = Files.newOutputStream(file);
                     JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
                    g.setCodec(JSON);
                    g.writeStartArray();
                    for (int n = 0; n < count; n++) {
                        Service s = service(fedId, fedIndex, n, mine);
                        localIds.add(s.localId());
                        g.writeTree(json(s));
                        g.writeRaw('\n');
                    }
                    g.writeEndArray();
                }
            }
            case "ndjson" -> {
                ObjectMapper compact = new ObjectMapper();
                try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    for (int n = 0; n < count; n++) {
                        Service s = service(fedId, fedIndex, n, mine);
                        localIds.add(s.localId());
                        w.write(compact.writeValueAsString(json(s)));
                        w.write('\n');
                    }
                }
            }
            case "hsds" -> writeHsds(file, fedId, fedIndex, mine, count, localIds);
            default -> throw new IllegalArgumentException("format " + format);
        }
    }

    /**
     * An HSDS 3 tabular data package as the hsds connector reads it: {@code services.csv} and
     * {@code organizations.csv} (one organisation per provider name), with datapackage.json naming them.
     */
    private void writeHsds(Path dir, String fedId, int fedIndex, List<Municipality> mine, int count, List<String> localIds)
            throws IOException {
        Files.createDirectories(dir);
        Map<String, String> organisations = new LinkedHashMap<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();
        try (Writer w = Files.newBufferedWriter(dir.resolve("services.csv"), StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, format)) {
            csv.printRecord("id", "organization_id", "name", "description", "email", "url", "status", "minimum_age",
                    "maximum_age");
            for (int n = 0; n < count; n++) {
                Service s = service(fedId, fedIndex, n, mine);
                localIds.add(s.localId());
                String org = organisations.computeIfAbsent(s.providerName(),
                        name -> String.format(Locale.ROOT, "org-%03d-%03d", fedIndex + 1, organisations.size() + 1));
                String status = switch (s.status()) {
                    case "paused" -> "inactive";
                    case "ended" -> "defunct";
                    default -> "active";
                };
                csv.printRecord(s.localId(), org, s.title(), s.description(), s.email(), s.url(), status,
                        s.minAge() == null ? "" : s.minAge(), s.maxAge() == null ? "" : s.maxAge());
            }
        }
        try (Writer w = Files.newBufferedWriter(dir.resolve("organizations.csv"), StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, format)) {
            csv.printRecord("id", "name", "description");
            for (Map.Entry<String, String> o : organisations.entrySet()) {
                csv.printRecord(o.getValue(), o.getKey(), "Anordnare i " + fedId);
            }
        }
        ObjectNode pkg = JSON.createObjectNode();
        pkg.put("name", fedId + "-hsds");
        pkg.put("profile", "tabular-data-package");
        ArrayNode resources = pkg.putArray("resources");
        resources.addObject().put("name", "services").put("path", "services.csv").put("format", "csv");
        resources.addObject().put("name", "organizations").put("path", "organizations.csv").put("format", "csv");
        JSON.writeValue(dir.resolve("datapackage.json").toFile(), pkg);
    }

    /** Canonical services (the push API's NDJSON body) of new local ids {@code P<fed>-<n>}. */
    private void writePush(Path file, String fedId, int fedIndex, List<Municipality> mine, int count) throws IOException {
        ObjectMapper compact = new ObjectMapper();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int n = 0; n < count; n++) {
                Service s = service(fedId, fedIndex, n, mine);
                w.write(compact.writeValueAsString(canonical(s, "P" + s.localId().substring(1),
                        mine.stream().map(Municipality::code).toList())));
                w.write('\n');
            }
        }
    }

    /** A generated service as the hub's canonical JSON (what the push API takes). */
    static ObjectNode canonical(Service s, String localId, List<String> federationMunicipalities) {
        ObjectNode o = JSON.createObjectNode();
        o.put("localId", localId);
        o.putObject("title").put("sv", s.title());
        o.putObject("description").put("sv", s.description());
        s.targetGroups().forEach(o.putArray("targetGroups")::add);
        s.methods().forEach(o.putArray("methods")::add);
        // canonical JSON has no descriptor defaults: the federation's municipalities when the service names none
        (s.municipalities().isEmpty() ? federationMunicipalities : s.municipalities()).forEach(o.putArray("municipalities")::add);
        if (s.minAge() != null) {
            o.putObject("ageRange").put("min", s.minAge()).put("max", s.maxAge());
        }
        o.putObject("admission").put("referralRequired", s.referral());
        ObjectNode provider = o.putObject("provider");
        provider.putObject("name").put("sv", s.providerName());
        provider.put("type", s.providerType());
        s.funding().forEach(o.putArray("funding")::add);
        o.putObject("contact").put("email", s.email()).put("phone", s.phone()).put("url", s.url());
        if (!s.tags().isEmpty()) {
            s.tags().forEach(o.putArray("keywords")::add);
        }
        o.put("status", s.status());
        o.put("lastReviewed", s.reviewed());
        return o;
    }

    private static long size(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return Files.size(path);
        }
        try (var files = Files.list(path)) {
            long total = 0;
            for (Path f : files.toList()) {
                total += Files.size(f);
            }
            return total;
        }
    }

    private static ObjectNode json(Service s) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", s.localId());
        o.put("name", s.title());
        o.put("summary", s.description());
        s.targetGroups().forEach(o.putArray("audience")::add);
        s.methods().forEach(o.putArray("methods")::add);
        if (!s.municipalities().isEmpty()) {
            s.municipalities().forEach(o.putArray("areas")::add);
        }
        if (s.minAge() != null) {
            o.putObject("age").put("min", s.minAge()).put("max", s.maxAge());
        }
        o.putObject("admission").put("referral", s.referral()).put("selfReferral", !s.referral());
        o.putObject("provider").put("name", s.providerName()).put("type", s.providerType());
        s.funding().forEach(o.putArray("funding")::add);
        o.putObject("contact").put("email", s.email()).put("phone", s.phone()).put("url", s.url());
        if (!s.tags().isEmpty()) {
            s.tags().forEach(o.putArray("tags")::add);
        }
        o.put("status", s.status());
        o.put("reviewed", s.reviewed());
        return o;
    }

    /** The raw fields of the first record of a generated federation (for micro-benchmarks). */
    public static Map<String, Object> firstRecordFields(Path dataFile) throws IOException {
        String name = dataFile.getFileName().toString();
        String text = Files.readString(dataFile, StandardCharsets.UTF_8);
        if (name.endsWith(".csv")) {
            try (var parser = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true).get()
                    .parse(new java.io.StringReader(text))) {
                var rec = parser.iterator().next();
                Map<String, Object> fields = new LinkedHashMap<>();
                rec.toMap().forEach((k, v) -> {
                    if (v != null && !v.isEmpty()) {
                        fields.put(k, v);
                    }
                });
                return fields;
            }
        }
        com.fasterxml.jackson.databind.JsonNode node = name.endsWith(".ndjson")
                ? JSON.readTree(text.substring(0, text.indexOf('\n'))) : JSON.readTree(text).get(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) se.insatsnavet.connectors.read.JsonRecordReader.toJava(node);
        return fields;
    }

    /** {@code --services N --federations F --out DIR [--seed S]}. */
    public static void main(String[] args) throws IOException {
        int services = 100_000;
        int federations = 75;
        long seed = 20240521L;
        Path out = Path.of("target/bench-federations");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--services" -> services = Integer.parseInt(args[i + 1]);
                case "--federations" -> federations = Integer.parseInt(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        long t0 = System.nanoTime();
        Catalogue c = new CatalogueGenerator(new Config(services, federations, seed)).generate(out);
        System.out.printf(Locale.ROOT, "Wrote %d services in %d federations (%.1f MB of data) to %s in %.1f s%n",
                c.services(), c.federations().size(), c.dataBytes() / 1e6, out.toAbsolutePath(), (System.nanoTime() - t0) / 1e9);
    }
}
