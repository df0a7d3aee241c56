package se.insatsnavet.connectors.descriptor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A coordination federation (samordningsförbund) and its sources, from its {@code federation.json}.
 *
 * @param id             federation id (a code; never contains a dot)
 * @param name           language tag to name (at least {@code sv})
 * @param description    language tag to description (may be empty)
 * @param homepage       homepage URL, or {@code null}
 * @param contact        contact, or {@code null}
 * @param members        member organisations (may be empty)
 * @param municipalities SCB codes of the member municipalities ({@code $federation.municipalities} in defaults)
 * @param sources        the catalogue's sources, in declaration order
 * @param file           the descriptor file it was loaded from, or {@code null} when built in code
 * @param linkCheck      whether (and how often) the hub checks that its services' web addresses answer
 * @param indicators     the source of the federation's aggregated outcome indicators (records as in
 *                       {@code indicator.schema.json}, no mapping), or {@code null}
 */
public record FederationDescriptor(String id, Map<String, String> name, Map<String, String> description,
                                   String homepage, Contact contact, List<Member> members,
                                   List<String> municipalities, List<SourceDescriptor> sources, Path file,
                                   LinkCheck linkCheck, SourceDescriptor indicators) {

    /** Default id of the indicators source. */
    public static final String INDICATORS_SOURCE_ID = "indicators";

    /** A federation without the link check and without an indicators source. */
    public FederationDescriptor(String id, Map<String, String> name, Map<String, String> description,
                                String homepage, Contact contact, List<Member> members,
                                List<String> municipalities, List<SourceDescriptor> sources, Path file) {
        this(id, name, description, homepage, contact, members, municipalities, sources, file, LinkCheck.OFF, null);
    }

    public FederationDescriptor {
        Objects.requireNonNull(id, "id");
        linkCheck = linkCheck == null ? LinkCheck.OFF : linkCheck;
        name = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(name, "name")));
        description = description == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(description));
        members = members == null ? List.of() : List.copyOf(members);
        municipalities = List.copyOf(municipalities);
        sources = List.copyOf(sources);
    }

    /** The indicators source, if the federation declares one. */
    public Optional<SourceDescriptor> indicatorsSource() {
        return Optional.ofNullable(indicators);
    }

    /** The source with this id (a services source; see {@link #indicatorsSource()} for the indicators). */
    public Optional<SourceDescriptor> source(String sourceId) {
        return sources.stream().filter(s -> s.id().equals(sourceId)).findFirst();
    }

    /** The folder of the descriptor file (source locations are relative to it), or {@code null}. */
    public Path directory() {
        return file == null ? null : file.toAbsolutePath().normalize().getParent();
    }

    /**
     * The opt-in check of the services' web addresses ({@code linkCheck} in the descriptor).
     *
     * @param enabled      whether the hub checks them at all
     * @param recheckAfter how long a result stands before the address is checked again
     */
    public record LinkCheck(boolean enabled, Duration recheckAfter) {

        /** Off (the default). */
        public static final LinkCheck OFF = new LinkCheck(false, Duration.ofDays(7));

        public LinkCheck {
            Objects.requireNonNull(recheckAfter, "recheckAfter");
        }
    }

    /** The federation's contact. */
    public record Contact(String name, String email, String phone) {
    }

    /**
     * A member organisation.
     *
     * @param type arbetsformedlingen, forsakringskassan, municipality or region
     * @param code SCB code of a member municipality (4 digits) or region (2 digits), or {@code null}
     */
    public record Member(String name, String type, String code) {
    }
}
