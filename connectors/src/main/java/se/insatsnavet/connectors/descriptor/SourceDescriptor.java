package se.insatsnavet.connectors.descriptor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import se.insatsnavet.connectors.mapping.PhoneNumbers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One source of a federation, as declared in its descriptor.
 *
 * @param id       source id, unique within the federation
 * @param kind     connector id: file, http, ... or a plugin's connector id
 * @param location path relative to the descriptor's folder, or a URL
 * @param format   csv, json, ndjson, ... or {@code null} (the connector decides)
 * @param language language of the source's texts (default {@code "sv"})
 * @param options  connector options (delimiter, encoding, recordPath, ...), values as text, in declaration order
 * @param schedule when to poll, or {@code null} (the hub's default)
 * @param mapping  the declarative mapping ({@code fields}, {@code valueMaps}, {@code defaults}), or {@code null};
 *                 a deep copy, read by {@link se.insatsnavet.connectors.mapping.RecordMapper}
 * @param maxDeletePercent a run that would delete more than this share of the source's published records
 *                 (when at least {@link #DELETE_GUARD_MINIMUM} are published) is a fault; the same default
 *                 ({@link #DEFAULT_MAX_DELETE_PERCENT}) for every kind of source, files included, so a truncated or
 *                 half-written source cannot remove most of a federation. {@code 0} turns the guard off (until
 *                 this change 0 meant the opposite: any deletion at all was a fault); {@code 100} allows every
 *                 deletion but one that empties the source, which is always a fault
 * @param plugins  the plugins the source's records go through (mapper, enrichers, validators)
 * @param region   the region (ISO 3166-1 alpha-2) its phone numbers without a country code are read in (default
 *                 {@code "SE"}; see {@link se.insatsnavet.connectors.mapping.PhoneNumbers})
 * @param records  what the source's records are: services (the default) or guidance articles
 */
public record SourceDescriptor(String id, String kind, String location, String format, String language,
                               Map<String, String> options, Schedule schedule, ObjectNode mapping,
                               int maxDeletePercent, PluginRefs plugins, String region, Records records) {

    /** What a source's records are ({@code "records"} in the descriptor). */
    public enum Records {
        /** Services (insatser), {@code service.schema.json}: the default. */
        SERVICES,
        /** Guidance articles, {@code article.schema.json}. */
        ARTICLES;

        /** The descriptor's word for it: services, articles. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The value of a descriptor's {@code records}; {@code null} is services. */
        public static Records of(String label) {
            if (label == null || label.isBlank()) {
                return SERVICES;
            }
            for (Records r : values()) {
                if (r.label().equals(label)) {
                    return r;
                }
            }
            throw new IllegalArgumentException("records must be services or articles, was '" + label + "'");
        }
    }

    /**
     * Plugins named by a source: a mapper instead of the declarative mapping, enrichers and validators run on
     * every record after mapping, in this order.
     */
    public record PluginRefs(String mapper, List<String> enrichers, List<String> validators) {
        public static final PluginRefs NONE = new PluginRefs(null, List.of(), List.of());

        public PluginRefs {
            enrichers = enrichers == null ? List.of() : List.copyOf(enrichers);
            validators = validators == null ? List.of() : List.copyOf(validators);
        }

        /** Every plugin id named. */
        public List<String> all() {
            List<String> ids = new ArrayList<>();
            if (mapper != null) {
                ids.add(mapper);
            }
            ids.addAll(enrichers);
            ids.addAll(validators);
            return ids;
        }
    }

    /** Default of {@code maxDeletePercent}, for every kind of source. */
    public static final int DEFAULT_MAX_DELETE_PERCENT = 25;
    /** The delete guard applies only to sources with at least this many published records. */
    public static final int DELETE_GUARD_MINIMUM = 10;

    private static final Pattern URL = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*");

    public SourceDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(location, "location");
        language = language == null || language.isBlank() ? "sv" : language;
        region = region == null || region.isBlank() ? PhoneNumbers.DEFAULT_REGION : region.toUpperCase(Locale.ROOT);
        options = options == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(options));
        mapping = mapping == null ? null : mapping.deepCopy();
        plugins = plugins == null ? PluginRefs.NONE : plugins;
        records = records == null ? Records.SERVICES : records;
        if (maxDeletePercent < 0 || maxDeletePercent > 100) {
            throw new IllegalArgumentException("maxDeletePercent must be 0..100, was " + maxDeletePercent);
        }
    }

    /** A source of services. */
    public SourceDescriptor(String id, String kind, String location, String format, String language,
                            Map<String, String> options, Schedule schedule, ObjectNode mapping,
                            int maxDeletePercent, PluginRefs plugins, String region) {
        this(id, kind, location, format, language, options, schedule, mapping, maxDeletePercent, plugins, region, Records.SERVICES);
    }

    /** A source whose phone numbers are read in the default region ({@code SE}). */
    public SourceDescriptor(String id, String kind, String location, String format, String language,
                            Map<String, String> options, Schedule schedule, ObjectNode mapping,
                            int maxDeletePercent, PluginRefs plugins) {
        this(id, kind, location, format, language, options, schedule, mapping, maxDeletePercent, plugins, null);
    }

    /** A source with the default delete guard. */
    public SourceDescriptor(String id, String kind, String location, String format, String language,
                            Map<String, String> options, Schedule schedule, ObjectNode mapping) {
        this(id, kind, location, format, language, options, schedule, mapping, DEFAULT_MAX_DELETE_PERCENT, PluginRefs.NONE);
    }

    /** A source without plugins. */
    public SourceDescriptor(String id, String kind, String location, String format, String language,
                            Map<String, String> options, Schedule schedule, ObjectNode mapping, int maxDeletePercent) {
        this(id, kind, location, format, language, options, schedule, mapping, maxDeletePercent, PluginRefs.NONE);
    }

    /**
     * Whether deleting {@code deletions} of {@code published} records in one run exceeds the guard; never when
     * {@code maxDeletePercent} is 0 (the guard is off).
     */
    public boolean tooManyDeletions(int deletions, int published) {
        return maxDeletePercent > 0 && published >= DELETE_GUARD_MINIMUM
                && deletions * 100L > (long) maxDeletePercent * published;
    }

    /** Whether the source's records are guidance articles. */
    public boolean holdsArticles() {
        return records == Records.ARTICLES;
    }

    /** The mapping as a deep copy (the record's own node is never handed out for modification). */
    @Override
    public ObjectNode mapping() {
        return mapping == null ? null : mapping.deepCopy();
    }

    /** Whether the location is a URL (scheme://...) rather than a path. */
    public boolean isUrl() {
        return URL.matcher(location).matches();
    }

    /**
     * The location as a path: relative locations resolve against the descriptor's folder; normalised.
     *
     * @throws IllegalStateException if the location is a URL
     */
    public Path locationPath(Path descriptorDir) {
        if (isUrl()) {
            throw new IllegalStateException("source '" + id + "' has a URL location, not a path: " + location);
        }
        return descriptorDir.resolve(location).normalize();
    }
}
