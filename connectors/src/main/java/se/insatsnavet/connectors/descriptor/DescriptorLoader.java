package se.insatsnavet.connectors.descriptor;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import se.insatsnavet.connectors.mapping.DefaultMappings;
import se.insatsnavet.connectors.mapping.PhoneNumbers;
import se.insatsnavet.connectors.mapping.RecordMapper;
import se.insatsnavet.schema.json.JsonSchemas;
import se.insatsnavet.schema.json.SchemaProblem;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads federation descriptors: JSON, valid against {@link JsonSchemas#federation()}, then checked for what a
 * schema cannot say (unique source ids, source files that exist inside the descriptor's folder, schedules,
 * value maps that exist). Thread-safe.
 */
public final class DescriptorLoader {

    /** The descriptor file inside a federation's folder. */
    public static final String DESCRIPTOR_FILE = "federation.json";

    private final ObjectMapper mapper = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    /**
     * What {@link #loadAll(Path)} found: the usable descriptors and, separately, one error per unusable file.
     */
    public record LoadResult(List<FederationDescriptor> descriptors, List<DescriptorException> errors) {
        public LoadResult {
            descriptors = List.copyOf(descriptors);
            errors = List.copyOf(errors);
        }
    }

    /**
     * Loads one descriptor; it is named in messages as {@code <folder>/<file>}.
     *
     * @throws DescriptorException naming the file and every failing field
     */
    public FederationDescriptor load(Path file) throws DescriptorException {
        Path absolute = file.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        String display = parent == null || parent.getFileName() == null ? String.valueOf(absolute.getFileName())
                : parent.getFileName() + "/" + absolute.getFileName();
        return load(absolute, display);
    }

    /**
     * Loads every {@code <dir>/*}{@code /federation.json} and every top-level {@code <dir>/*.json}, in name order.
     * One bad file never hides the others; a federation id defined twice is an error of the later file.
     *
     * @throws IOException if the folder itself cannot be listed
     */
    public LoadResult loadAll(Path dir) throws IOException {
        Path root = dir.toAbsolutePath().normalize();
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path entry : entries) {
                if (Files.isDirectory(entry)) {
                    Path descriptor = entry.resolve(DESCRIPTOR_FILE);
                    if (Files.isRegularFile(descriptor)) {
                        files.add(descriptor);
                    }
                } else if (entry.getFileName().toString().endsWith(".json") && Files.isRegularFile(entry)) {
                    files.add(entry);
                }
            }
        }
        files.sort(null);
        List<FederationDescriptor> loaded = new ArrayList<>();
        List<DescriptorException> errors = new ArrayList<>();
        Map<String, String> seenIds = new HashMap<>();
        for (Path file : files) {
            String display = root.relativize(file).toString().replace('\\', '/');
            try {
                FederationDescriptor descriptor = load(file, display);
                String earlier = seenIds.putIfAbsent(descriptor.id(), display);
                if (earlier != null) {
                    throw new DescriptorException(display, List.of("id: federation id '" + descriptor.id()
                            + "' is already defined by " + earlier));
                }
                loaded.add(descriptor);
            } catch (DescriptorException e) {
                errors.add(e);
            }
        }
        return new LoadResult(loaded, errors);
    }

    private FederationDescriptor load(Path file, String display) throws DescriptorException {
        JsonNode document;
        try {
            document = mapper.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new DescriptorException(display, List.of("(document): file not found"), e);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new DescriptorException(display, List.of("(document): not valid JSON: " + e.getOriginalMessage()
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")), e);
        } catch (IOException e) {
            throw new DescriptorException(display, List.of("(document): cannot read: " + e), e);
        }
        if (document == null || document.isMissingNode()) {
            throw new DescriptorException(display, List.of("(document): the file is empty"));
        }
        List<String> problems = new ArrayList<>();
        for (SchemaProblem problem : JsonSchemas.federation().validate(document)) {
            problems.add(problem.toString());
        }
        if (!problems.isEmpty()) {
            throw new DescriptorException(display, problems);
        }

        Path dir = file.getParent();
        List<SourceDescriptor> sources = new ArrayList<>();
        Map<String, Integer> sourceIndex = new HashMap<>();
        JsonNode sourceNodes = document.path("sources");
        for (int i = 0; i < sourceNodes.size(); i++) {
            JsonNode node = sourceNodes.get(i);
            String at = "sources[" + i + "]";
            String id = node.path("id").asText();
            Integer earlier = sourceIndex.putIfAbsent(id, i);
            if (earlier != null) {
                problems.add(at + ".id: duplicate source id '" + id + "' (also sources[" + earlier + "])");
            }
            Schedule schedule = null;
            JsonNode scheduleNode = node.path("schedule");
            try {
                schedule = Schedule.parse(textOrNull(scheduleNode.path("interval")), textOrNull(scheduleNode.path("cron")));
            } catch (IllegalArgumentException e) {
                problems.add(at + ".schedule: " + e.getMessage());
            }
            ObjectNode mapping = node.path("mapping").isObject() ? (ObjectNode) node.get("mapping") : null;
            Map<String, String> options = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> option : node.path("options").properties()) {
                options.put(option.getKey(), option.getValue().asText());
            }
            SourceDescriptor source = new SourceDescriptor(id, node.path("kind").asText(), node.path("location").asText(),
                    textOrNull(node.path("format")), textOrNull(node.path("language")), options, schedule, mapping,
                    node.path("maxDeletePercent").asInt(SourceDescriptor.DEFAULT_MAX_DELETE_PERCENT),
                    new SourceDescriptor.PluginRefs(textOrNull(node.path("mapper")), list(node.path("enrichers")),
                            list(node.path("validators"))), textOrNull(node.path("region")),
                    SourceDescriptor.Records.of(textOrNull(node.path("records"))));
            if (source.holdsArticles() && !source.plugins().all().isEmpty()) {
                problems.add(at + ": a source of articles takes no plugins (mapper, enrichers, validators)");
            }
            if (!PhoneNumbers.knownRegion(source.region())) {
                problems.add(at + ".region: '" + source.region() + "' is not a region code phone numbers are known for"
                        + " (ISO 3166-1 alpha-2, e.g. SE, US)");
            }
            if (!source.isUrl()) {
                Path location = source.locationPath(dir);
                if (!location.startsWith(dir)) {
                    problems.add(at + ".location: '" + source.location() + "' lies outside the descriptor's folder");
                } else if (!Files.exists(location)) {
                    problems.add(at + ".location: file not found: " + source.location());
                }
            }
            ObjectNode effective = DefaultMappings.effective(source.kind(), source.records(), mapping);
            if (effective != null) {
                checkValueMaps(effective, at + ".mapping", problems);
            }
            if (mapping != null) {
                Set<String> known = RecordMapper.fieldNames(source.records());
                for (String section : List.of("fields", "defaults")) {
                    for (Map.Entry<String, JsonNode> field : mapping.path(section).properties()) {
                        if (!known.contains(field.getKey())) {
                            problems.add(at + ".mapping." + section + "." + field.getKey() + ": not a field of a source of "
                                    + source.records().label());
                        }
                    }
                }
            }
            String idField = source.holdsArticles() ? "id" : "localId";
            if (NEEDS_MAPPING.contains(source.kind()) && mapping != null && source.plugins().mapper() == null
                    && (!effective.path("fields").has(idField) || !effective.path("fields").has("title"))) {
                problems.add(at + ".mapping.fields: a " + source.kind() + " source needs rules for " + idField + " and title");
            }
            sources.add(source);
        }
        FederationDescriptor.LinkCheck linkCheck = FederationDescriptor.LinkCheck.OFF;
        JsonNode check = document.path("linkCheck");
        if (check.isObject()) {
            Duration recheck = linkCheck.recheckAfter();
            if (check.hasNonNull("recheckAfter")) {
                try {
                    recheck = Duration.parse(check.path("recheckAfter").asText());
                    if (recheck.isNegative() || recheck.isZero()) {
                        problems.add("linkCheck.recheckAfter: must be longer than zero");
                    }
                } catch (DateTimeParseException e) {
                    problems.add("linkCheck.recheckAfter: '" + check.path("recheckAfter").asText()
                            + "' is not an ISO-8601 duration such as P7D or PT12H");
                }
            }
            linkCheck = new FederationDescriptor.LinkCheck(check.path("enabled").asBoolean(false), recheck);
        }
        SourceDescriptor indicators = null;
        JsonNode indicatorNode = document.path("indicators");
        if (indicatorNode.isObject()) {
            indicators = indicatorSource(indicatorNode, dir, sourceIndex, problems);
        }
        if (!problems.isEmpty()) {
            throw new DescriptorException(display, problems);
        }

        JsonNode contact = document.path("contact");
        List<FederationDescriptor.Member> members = new ArrayList<>();
        for (JsonNode member : document.path("members")) {
            members.add(new FederationDescriptor.Member(member.path("name").asText(), member.path("type").asText(),
                    textOrNull(member.path("code"))));
        }
        List<String> municipalities = new ArrayList<>();
        document.path("municipalities").forEach(m -> municipalities.add(m.asText()));
        return new FederationDescriptor(document.path("id").asText(), texts(document.path("name")),
                texts(document.path("description")), textOrNull(document.path("homepage")),
                contact.isObject() ? new FederationDescriptor.Contact(textOrNull(contact.path("name")),
                        textOrNull(contact.path("email")), textOrNull(contact.path("phone"))) : null,
                members, municipalities, sources, file, linkCheck, indicators);
    }

    /** The indicators source: like a services source, without mapping or plugins; its file must exist too. */
    private static SourceDescriptor indicatorSource(JsonNode node, Path dir, Map<String, Integer> sourceIndex,
                                                    List<String> problems) {
        String at = "indicators";
        String id = node.path("id").asText(FederationDescriptor.INDICATORS_SOURCE_ID);
        if (sourceIndex.containsKey(id)) {
            problems.add(at + ".id: '" + id + "' is also the id of sources[" + sourceIndex.get(id)
                    + "]; the indicators source needs an id of its own");
        }
        Schedule schedule = null;
        try {
            schedule = Schedule.parse(textOrNull(node.path("schedule").path("interval")),
                    textOrNull(node.path("schedule").path("cron")));
        } catch (IllegalArgumentException e) {
            problems.add(at + ".schedule: " + e.getMessage());
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> option : node.path("options").properties()) {
            options.put(option.getKey(), option.getValue().asText());
        }
        SourceDescriptor source = new SourceDescriptor(id, node.path("kind").asText(), node.path("location").asText(),
                textOrNull(node.path("format")), "sv", options, schedule, null);
        if (!source.isUrl()) {
            Path location = source.locationPath(dir);
            if (!location.startsWith(dir)) {
                problems.add(at + ".location: '" + source.location() + "' lies outside the descriptor's folder");
            } else if (!Files.exists(location)) {
                problems.add(at + ".location: file not found: " + source.location());
            }
        }
        return source;
    }

    /** Built-in kinds whose records have no known shape, so the descriptor must map them. */
    private static final Set<String> NEEDS_MAPPING = Set.of("file", "http");

    private static void checkValueMaps(ObjectNode mapping, String at, List<String> problems) {
        JsonNode valueMaps = mapping.path("valueMaps");
        for (Map.Entry<String, JsonNode> field : mapping.path("fields").properties()) {
            JsonNode name = field.getValue().path("valueMap");
            if (name.isTextual() && !valueMaps.has(name.asText())) {
                problems.add(at + ".fields." + field.getKey() + ".valueMap: no value map named '" + name.asText()
                        + "' in mapping.valueMaps");
            }
        }
    }

    private static Map<String, String> texts(JsonNode node) {
        Map<String, String> texts = new LinkedHashMap<>();
        node.properties().forEach(e -> texts.put(e.getKey(), e.getValue().asText()));
        return texts;
    }

    private static String textOrNull(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }

    private static List<String> list(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
