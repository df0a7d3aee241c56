package se.insatsnavet.hub.usage;

import java.util.Arrays;
import java.util.Optional;

/** What is counted. */
public enum UsageKind {

    /** A search (page 1) that found nothing: its normalised words. Published only when counted often enough. */
    NO_HITS("no-hits", "searchesWithoutHits"),
    /** A search (page 1) filtered by a target group: the group's code. */
    TARGET_GROUP("target-group", "searchesByTargetGroup"),
    /** A search (page 1) filtered by a municipality: its SCB code. */
    MUNICIPALITY("municipality", "searchesByMunicipality"),
    /** A guided-finder (Hittaguiden) answer: situation/help/age band. */
    FINDER_PATH("finder-path", "finderPaths"),
    /** A service's page viewed: the service's id. */
    SERVICE_VIEW("service-view", "servicesViewed");

    private final String code;
    private final String jsonName;

    UsageKind(String code, String jsonName) {
        this.code = code;
        this.jsonName = jsonName;
    }

    /** The kind's name in the database and the CSV. */
    public String code() {
        return code;
    }

    /** The kind's member name in the JSON of a day. */
    public String jsonName() {
        return jsonName;
    }

    public static Optional<UsageKind> byCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }
}
