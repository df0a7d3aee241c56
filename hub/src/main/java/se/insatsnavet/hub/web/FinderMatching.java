package se.insatsnavet.hub.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import se.insatsnavet.connectors.descriptor.FederationDescriptor;
import se.insatsnavet.hub.linkeddata.ServicePage;
import se.insatsnavet.hub.services.ServiceCatalog;
import se.insatsnavet.hub.services.ServiceFilter;
import se.insatsnavet.hub.services.StatusFilter;
import se.insatsnavet.schema.Vocabulary;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Hittaguiden's answer to a person's answers: the best matches (current services for the person's situation
 * where they live, fitting their age), further services that may fit with the reason (a target group defined
 * by age that the person's age falls in, the help wanted, coordination, or a service planned to start later),
 * and, when nothing fits, the services of the neighbouring municipalities and the county, and whom to call.
 * Ended and paused services are never an answer. Blocking (searches the index): call from a worker.
 */
final class FinderMatching {

    /** Target groups defined by age: a person whose age falls within such a service's range may fit it. */
    static final Set<String> AGE_GROUPS = Set.of("young-adults", "not-in-education-employment");
    /** The oldest age of a range that still defines a young group. */
    private static final int YOUTH_MAX = 35;
    private static final Set<String> MULTI_AGENCY = Set.of("multi-agency-team", "coordinated-individual-plan", "case-management");
    private static final int BEST = 20;
    private static final int MORE = 10;
    /** The statuses Hittaguiden considers: current services, and planned ones (shown as such, among "more"). */
    private static final String CONSIDERED = StatusFilter.ACTIVE + "," + StatusFilter.PLANNED;

    /** A service and why it matches. */
    record Match(ObjectNode service, int score, List<String> reasons) {
    }

    /** Whom to call: a federation's name and contact. */
    record Contact(String federation, String name, String email, String phone, boolean ownMunicipality) {
    }

    /** When nothing matches: services nearby, the neighbouring municipalities (code → name), whom to call. */
    record Nearby(List<Match> services, Map<String, String> neighbours, List<Contact> contacts) {
    }

    /** The answer: best matches, more that may fit, and (only when there is no best match) what is nearby. */
    record Answer(List<Match> best, List<Match> more, Nearby nearby) {
        static final Answer NONE = new Answer(List.of(), List.of(), null);
    }

    private final ServiceCatalog catalog;
    private final Vocabulary vocabulary;
    private final MunicipalityNeighbours neighbours;
    private final Supplier<Collection<FederationDescriptor>> federations;

    FinderMatching(ServiceCatalog catalog, Vocabulary vocabulary, MunicipalityNeighbours neighbours,
                   Supplier<Collection<FederationDescriptor>> federations) {
        this.catalog = catalog;
        this.vocabulary = vocabulary;
        this.neighbours = neighbours;
        this.federations = federations;
    }

    Answer answer(FinderPage.Answers a) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<String> groups = a.situation() == null ? List.of() : List.of(FinderPage.SITUATIONS.get(a.situation()).targetGroups());
        List<Match> best = new ArrayList<>();
        List<Match> more = new ArrayList<>();
        for (ObjectNode s : candidates(a, groups)) {
            boolean current = StatusFilter.isCurrent(s, today);
            int score = 0;
            List<String> reasons = new ArrayList<>();
            boolean forSituation = !groups.isEmpty() && groups.stream().anyMatch(g -> contains(s.path("targetGroups"), g));
            if (forSituation) {
                score += 3;
                reasons.add("för dig som " + FinderPage.SITUATIONS.get(a.situation()).forYou());
            }
            String byAge = byAge(s, a.age());
            if (byAge != null && !forSituation) {
                score += 2;
                reasons.add(byAge);
            }
            boolean helps = false;
            if (a.help() != null) {
                for (String method : FinderPage.HELP.get(a.help()).methods()) {
                    if (contains(s.path("methods"), method)) {
                        score += 3;
                        helps = true;
                        reasons.add("ger stöd med " + FinderPage.HELP.get(a.help()).label().toLowerCase(Locale.ROOT));
                        break;
                    }
                }
            }
            boolean coordinates = false;
            if ("ja".equals(a.severalAgencies())) {
                for (JsonNode m : s.path("methods")) {
                    if (MULTI_AGENCY.contains(m.asText())) {
                        score += 2;
                        coordinates = true;
                        reasons.add("samordnar stödet från flera myndigheter");
                        break;
                    }
                }
            }
            if (a.municipality() != null) {
                reasons.add("finns i " + municipalityName(a.municipality()));
            }
            if (a.age() != null && s.path("ageRange").isObject() && byAge == null) {
                reasons.add("passar din ålder" + range(s.path("ageRange")));
            }
            if (s.path("admission").path("selfReferral").asBoolean(false)) {
                score += 1;
            }
            if (!current) {
                reasons.add(0, "planeras och startar senare – fråga anordnaren när");
                if (forSituation || byAge != null || helps || coordinates) {
                    more.add(new Match(s, score, reasons));
                }
            } else if (groups.isEmpty() || forSituation) {
                best.add(new Match(s, score, reasons));
            } else if (byAge != null || helps || coordinates) {
                more.add(new Match(s, score, reasons));
            }
        }
        best = ranked(best, BEST);
        more = ranked(more, MORE);
        Nearby nearby = best.isEmpty() && a.municipality() != null ? nearby(a, groups, today) : null;
        return new Answer(best, more, nearby);
    }

    /**
     * The services to weigh: those for the situation's target groups (a page of the index's most fitting), and,
     * in a chosen municipality, every other one there (for "Fler som kan passa"); never ended or paused ones.
     */
    private List<ObjectNode> candidates(FinderPage.Answers a, List<String> groups) {
        Map<String, ObjectNode> byId = new LinkedHashMap<>();
        if (!groups.isEmpty()) {
            find(a.municipality(), null, String.join(",", groups), a.age()).forEach(s -> byId.put(s.path("id").asText(), s));
        }
        if (groups.isEmpty() || a.municipality() != null) {
            find(a.municipality(), null, null, a.age()).forEach(s -> byId.putIfAbsent(s.path("id").asText(), s));
        }
        return List.copyOf(byId.values());
    }

    /** A service for an age-defined group (young adults) whose age range holds the person's age: the reason, else null. */
    private String byAge(JsonNode s, Integer age) {
        if (age == null) {
            return null;
        }
        for (JsonNode g : s.path("targetGroups")) {
            if (AGE_GROUPS.contains(g.asText())) {
                JsonNode range = s.path("ageRange");
                int min = range.path("min").asInt(16);
                int max = range.path("max").asInt(29);
                // a range that reaches past youth (e.g. 16-64) says nothing about the group's age
                if (max <= YOUTH_MAX && age >= min && age <= max) {
                    return "för " + vocabulary.prefLabel(Vocabulary.TARGET_GROUP, g.asText(), "sv").orElse(g.asText())
                            .toLowerCase(Locale.ROOT) + " " + min + "–" + max + " år, och du är " + age;
                }
            }
        }
        return null;
    }

    /** Nothing here: current services for the situation in the neighbouring municipalities and the county, whom to call. */
    private Nearby nearby(FinderPage.Answers a, List<String> groups, LocalDate today) {
        String municipality = a.municipality();
        String county = vocabulary.countyOfMunicipality(municipality).orElse(municipality.substring(0, 2));
        Map<String, String> names = new LinkedHashMap<>();
        neighbours.of(municipality).forEach(code -> names.put(code, municipalityName(code)));
        String targetGroups = groups.isEmpty() ? null : String.join(",", groups);
        Map<String, Match> found = new LinkedHashMap<>();
        if (!names.isEmpty()) {
            for (ObjectNode s : find(String.join(",", names.keySet()), null, targetGroups, a.age())) {
                List<String> where = new ArrayList<>();
                s.path("municipalities").forEach(m -> {
                    if (names.containsKey(m.asText())) {
                        where.add(names.get(m.asText()));
                    }
                });
                found.putIfAbsent(s.path("id").asText(), new Match(s, 2, List.of("finns i grannkommunen " + String.join(", ", where))));
            }
        }
        String countyName = vocabulary.countyName(county).orElse(county);
        for (ObjectNode s : find(null, county, targetGroups, a.age())) {
            found.putIfAbsent(s.path("id").asText(), new Match(s, 1, List.of(
                    contains(s.path("regions"), county) ? "finns i hela " + countyName : "finns i " + countyName)));
        }
        List<Match> services = new ArrayList<>();
        found.values().stream().filter(m -> StatusFilter.isCurrent(m.service(), today)).forEach(services::add);
        return new Nearby(ranked(services, BEST), names, contacts(municipality, county));
    }

    /** The federations serving the municipality; else those of its county. */
    private List<Contact> contacts(String municipality, String county) {
        List<Contact> own = new ArrayList<>();
        List<Contact> inCounty = new ArrayList<>();
        for (FederationDescriptor f : federations.get()) {
            FederationDescriptor.Contact c = f.contact();
            String name = f.name().getOrDefault("sv", f.name().values().stream().findFirst().orElse(f.id()));
            Contact contact = new Contact(name, c == null ? null : c.name(), c == null ? null : c.email(), c == null ? null : c.phone(),
                    f.municipalities().contains(municipality));
            if (contact.ownMunicipality()) {
                own.add(contact);
            } else if (f.municipalities().stream().anyMatch(m -> county.equals(vocabulary.countyOfMunicipality(m).orElse(null)))) {
                inCounty.add(contact);
            }
        }
        return own.isEmpty() ? inCounty : own;
    }

    private List<ObjectNode> find(String municipality, String county, String targetGroups, Integer age) {
        ServiceFilter filter = new ServiceFilter(List.of(), municipality, targetGroups, null, 1, ServiceFilter.MAX_PER_PAGE,
                new ServiceFilter.More(county, age, null, null, CONSIDERED));
        return catalog.find(filter).items();
    }

    private static List<Match> ranked(List<Match> matches, int limit) {
        List<Match> sorted = new ArrayList<>(matches);
        sorted.sort(Comparator.comparingInt(Match::score).reversed().thenComparing(m -> ServicePage.text(m.service().path("title"))));
        return sorted.subList(0, Math.min(limit, sorted.size()));
    }

    String municipalityName(String code) {
        return vocabulary.municipalityShortName(code).orElse(code);
    }

    static boolean contains(JsonNode array, String value) {
        for (JsonNode v : array) {
            if (v.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    static String range(JsonNode age) {
        if (age.has("min") && age.has("max")) {
            return " (" + age.path("min").asInt() + "–" + age.path("max").asInt() + " år)";
        }
        return age.has("min") ? " (från " + age.path("min").asInt() + " år)" : age.has("max") ? " (upp till " + age.path("max").asInt() + " år)" : "";
    }
}
