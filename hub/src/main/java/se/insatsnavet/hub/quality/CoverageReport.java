package se.insatsnavet.hub.quality;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import se.insatsnavet.hub.http.Responses;
import se.insatsnavet.hub.store.CatalogStore;
import se.insatsnavet.schema.Vocabulary;
import se.insatsnavet.schema.vocab.ADMS;
import se.insatsnavet.schema.vocab.CPSV;
import se.insatsnavet.schema.vocab.HubIris;
import se.insatsnavet.schema.vocab.INSV;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Coverage of every municipality and county: active services in total, per target group and per method, and
 * the gaps (target groups with no active service at all in the municipality). A service offered for a whole
 * county counts in each of its municipalities. Computed by SPARQL aggregation, cached until the next change.
 * A selection (a target group, a method, or both) adds each municipality's active services for it.
 * Population figures are not in the hub's reference data (../shared/reference holds boundaries and SCB codes
 * only), so {@code servicesPer10000Inhabitants} is null with the reason in the report; no figure is invented.
 */
public final class CoverageReport {

    private final CatalogStore store;
    private final HubIris iris;
    private final Vocabulary vocabulary;
    private volatile ObjectNode cached;
    private final Map<String, Map<String, Long>> selections = new ConcurrentHashMap<>();

    /** Why {@code servicesPer10000Inhabitants} is null. */
    public static final String NO_POPULATION = "null: the hub's reference data holds no population figures"
            + " (../shared/reference has boundaries and SCB codes only), so no per-inhabitant rate is given.";

    public CoverageReport(CatalogStore store, HubIris iris, Vocabulary vocabulary) {
        this.store = store;
        this.iris = iris;
        this.vocabulary = vocabulary;
    }

    public void invalidate() {
        cached = null;
        selections.clear();
    }

    /** The concept codes a selection may name: target groups and methods of the vocabulary. */
    public boolean knownTargetGroup(String code) {
        return vocabulary.conceptExists(Vocabulary.TARGET_GROUP, code);
    }

    public boolean knownMethod(String code) {
        return vocabulary.conceptExists(Vocabulary.METHOD, code);
    }

    /**
     * Active services per municipality code (all 290) for a selection: a target group and/or a method (each
     * null for any); a service offered for the whole county counts in each of its municipalities. Cached until
     * the next change (the keys are vocabulary codes, so the cache is bounded). Blocking.
     */
    public Map<String, Long> selected(String targetGroup, String method) {
        if (targetGroup != null && !knownTargetGroup(targetGroup) || method != null && !knownMethod(method)) {
            throw new IllegalArgumentException("unknown target group or method");
        }
        return selections.computeIfAbsent(targetGroup + "|" + method, k -> {
            Map<String, Long> byPlace = selectionCounts(targetGroup, method);
            Map<String, Long> out = new TreeMap<>();
            for (String code : vocabulary.codes(Vocabulary.MUNICIPALITY)) {
                out.put(code, byPlace.getOrDefault(code, 0L) + byPlace.getOrDefault(HubIris.countyCodeOfMunicipality(code), 0L));
            }
            return Collections.unmodifiableMap(out);
        });
    }

    /** The report with a selection: {@code selection} and each municipality's {@code selected} count. Blocking. */
    public ObjectNode json(String targetGroup, String method) {
        if (targetGroup == null && method == null) {
            return json();
        }
        Map<String, Long> selected = selected(targetGroup, method);
        ObjectNode body = json().deepCopy();
        ObjectNode selection = Responses.object();
        selection.put("targetGroup", targetGroup).put("method", method);
        body.set("selection", selection);
        Map<String, int[]> counties = new TreeMap<>();
        for (var m : body.withArray("municipalities")) {
            long n = selected.getOrDefault(m.path("code").asText(), 0L);
            ((ObjectNode) m).put("selected", n);
            int[] c = counties.computeIfAbsent(m.path("county").asText(), k -> new int[1]);
            if (n == 0) {
                c[0]++;
            }
        }
        for (var c : body.withArray("counties")) {
            ((ObjectNode) c).put("municipalitiesWithoutSelected", counties.getOrDefault(c.path("code").asText(), new int[1])[0]);
        }
        return body;
    }

    /** One CSV row per municipality: codes, names, the selection and its active services. Blocking. */
    public String csv(String targetGroup, String method) {
        if (targetGroup == null && method == null) {
            return csv();
        }
        StringBuilder b = new StringBuilder("municipality,municipality_name,county,target_group,method,services\r\n");
        for (var m : json(targetGroup, method).path("municipalities")) {
            b.append(m.path("code").asText()).append(',').append('"').append(m.path("name").asText().replace("\"", "\"\""))
                    .append('"').append(',').append(m.path("county").asText()).append(',')
                    .append(targetGroup == null ? "" : targetGroup).append(',').append(method == null ? "" : method).append(',')
                    .append(m.path("selected").asLong()).append("\r\n");
        }
        return b.toString();
    }

    /** The report as JSON. Blocking. */
    public ObjectNode json() {
        ObjectNode current = cached;
        if (current == null) {
            current = build();
            cached = current;
        }
        return current;
    }

    /** One CSV row per municipality and target group: codes, names, active services. Blocking. */
    public String csv() {
        StringBuilder b = new StringBuilder("municipality,municipality_name,county,target_group,services\r\n");
        for (var m : json().path("municipalities")) {
            m.path("targetGroups").fields().forEachRemaining(tg -> b.append(m.path("code").asText()).append(',')
                    .append('"').append(m.path("name").asText().replace("\"", "\"\"")).append('"').append(',')
                    .append(m.path("county").asText()).append(',').append(tg.getKey()).append(',')
                    .append(tg.getValue().asLong()).append("\r\n"));
        }
        return b.toString();
    }

    private ObjectNode build() {
        List<String> targetGroups = new ArrayList<>(new TreeSet<>(vocabulary.codes(Vocabulary.TARGET_GROUP)));
        Map<String, Map<String, Long>> byTargetGroup = counts(INSV.targetGroup.getURI(), Vocabulary.TARGET_GROUP);
        Map<String, Map<String, Long>> byMethod = counts(INSV.method.getURI(), Vocabulary.METHOD);
        Map<String, Map<String, Long>> totals = counts(null, null);
        ObjectNode body = Responses.object();
        ArrayNode municipalities = body.putArray("municipalities");
        Map<String, ObjectNode> counties = new TreeMap<>();
        for (String code : new TreeSet<>(vocabulary.codes(Vocabulary.MUNICIPALITY))) {
            String county = HubIris.countyCodeOfMunicipality(code);
            ObjectNode m = municipalities.addObject();
            m.put("code", code).put("name", vocabulary.municipalityShortName(code).orElse(code)).put("county", county);
            long services = totals.getOrDefault(code, Map.of()).getOrDefault("", 0L)
                    + totals.getOrDefault(county, Map.of()).getOrDefault("", 0L);
            m.put("services", services);
            m.putNull("servicesPer10000Inhabitants");
            ObjectNode tg = m.putObject("targetGroups");
            ArrayNode gaps = m.putArray("gaps");
            for (String t : targetGroups) {
                long n = byTargetGroup.getOrDefault(code, Map.of()).getOrDefault(t, 0L)
                        + byTargetGroup.getOrDefault(county, Map.of()).getOrDefault(t, 0L);
                tg.put(t, n);
                if (n == 0) {
                    gaps.add(t);
                }
            }
            ObjectNode methods = m.putObject("methods");
            Map<String, Long> mm = new TreeMap<>(byMethod.getOrDefault(code, Map.of()));
            byMethod.getOrDefault(county, Map.of()).forEach((k, v) -> mm.merge(k, v, Long::sum));
            mm.forEach(methods::put);
            ObjectNode c = counties.computeIfAbsent(county, k -> Responses.object().put("code", k)
                    .put("name", vocabulary.countyName(k).orElse(k)).put("municipalities", 0).put("municipalitiesWithGaps", 0));
            c.put("municipalities", c.path("municipalities").asInt() + 1);
            if (!gaps.isEmpty()) {
                c.put("municipalitiesWithGaps", c.path("municipalitiesWithGaps").asInt() + 1);
            }
        }
        ArrayNode countyList = body.putArray("counties");
        counties.forEach((code, c) -> {
            c.put("servicesForTheWholeCounty", totals.getOrDefault(code, Map.of()).getOrDefault("", 0L));
            countyList.add(c);
        });
        body.put("note", "Active services; a service offered for a whole county counts in each of its municipalities."
                + " No per-inhabitant rates: the hub holds no population figures.");
        body.put("servicesPer10000Inhabitants", NO_POPULATION);
        return body;
    }

    /** Active services per place code (municipalities and counties) having the target group and/or method. */
    private Map<String, Long> selectionCounts(String targetGroup, String method) {
        ParameterizedSparqlString pss = new ParameterizedSparqlString();
        pss.append("SELECT ?place (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s ?type ?serviceClass ; ?spatial ?place . ");
        pss.append("OPTIONAL { ?s ?statusProp ?status } FILTER(!BOUND(?status) || ?status = ?active) ");
        if (targetGroup != null) {
            pss.append("?s ?targetGroupProp ?targetGroup . ");
        }
        if (method != null) {
            pss.append("?s ?methodProp ?method . ");
        }
        pss.append("} } GROUP BY ?place");
        pss.setIri("type", RDF.type.getURI());
        pss.setIri("serviceClass", CPSV.PublicService.getURI());
        pss.setIri("spatial", DCTerms.spatial.getURI());
        pss.setIri("statusProp", ADMS.status.getURI());
        pss.setIri("active", iris.concept(Vocabulary.STATUS, "active"));
        if (targetGroup != null) {
            pss.setIri("targetGroupProp", INSV.targetGroup.getURI());
            pss.setIri("targetGroup", iris.concept(Vocabulary.TARGET_GROUP, targetGroup));
        }
        if (method != null) {
            pss.setIri("methodProp", INSV.method.getURI());
            pss.setIri("method", iris.concept(Vocabulary.METHOD, method));
        }
        Map<String, Long> out = new HashMap<>();
        store.query(pss.asQuery(), qe -> {
            qe.execSelect().forEachRemaining(row -> {
                if (!row.get("place").isURIResource()) {
                    return;
                }
                String placeIri = row.getResource("place").getURI();
                iris.municipalityCodeOf(placeIri).or(() -> iris.countyCodeOf(placeIri))
                        .ifPresent(place -> out.merge(place, row.getLiteral("n").getLong(), Long::sum));
            });
            return null;
        });
        return out;
    }

    /**
     * Active services per place code and concept code of {@code property} (or in total, under "", when
     * {@code property} is null). Place codes: municipalities (4 digits) and counties (2 digits).
     */
    private Map<String, Map<String, Long>> counts(String property, String scheme) {
        ParameterizedSparqlString pss = new ParameterizedSparqlString();
        pss.append("SELECT ?place ?value (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s ?type ?serviceClass ; ?spatial ?place . ");
        pss.append("OPTIONAL { ?s ?statusProp ?status } FILTER(!BOUND(?status) || ?status = ?active) ");
        if (property != null) {
            pss.append("?s ?property ?value . ");
        }
        pss.append("} } GROUP BY ?place ?value");
        pss.setIri("type", RDF.type.getURI());
        pss.setIri("serviceClass", CPSV.PublicService.getURI());
        pss.setIri("spatial", DCTerms.spatial.getURI());
        pss.setIri("statusProp", ADMS.status.getURI());
        pss.setIri("active", iris.concept(Vocabulary.STATUS, "active"));
        if (property != null) {
            pss.setIri("property", property);
        }
        Map<String, Map<String, Long>> out = new HashMap<>();
        store.query(pss.asQuery(), qe -> {
            qe.execSelect().forEachRemaining(row -> {
                if (!row.get("place").isURIResource()) {
                    return;
                }
                String placeIri = row.getResource("place").getURI();
                String place = iris.municipalityCodeOf(placeIri).or(() -> iris.countyCodeOf(placeIri)).orElse(null);
                if (place == null) {
                    return;
                }
                String value = "";
                if (property != null) {
                    if (!row.get("value").isURIResource()) {
                        return;
                    }
                    value = iris.codeOf(scheme, row.getResource("value").getURI()).orElse(null);
                    if (value == null) {
                        return;
                    }
                }
                out.computeIfAbsent(place, k -> new HashMap<>()).merge(value, row.getLiteral("n").getLong(), Long::sum);
            });
            return null;
        });
        return out;
    }
}
