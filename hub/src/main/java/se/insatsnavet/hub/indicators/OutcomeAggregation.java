package se.insatsnavet.hub.indicators;

import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import se.insatsnavet.hub.store.CatalogStore;
import se.insatsnavet.schema.vocab.CPSV;
import se.insatsnavet.schema.vocab.HubIris;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The published outcome figures summed over the services of an area: the whole country ({@link #COUNTRY}) and
 * each county (a service counts in every county its municipalities or counties lie in, so a service spanning
 * two counties is in both and the counties need not add up to the country). Per area, year and sex (F, M, T)
 * and for {@link #MEASURES}: participants, and the shares in work or studies at exit and after 6 and 18 months.
 *
 * <p>Counts are summed, never shares: a share's numerator is recovered from its published share and base
 * ({@code round(share * base / 100)}, exact for bases under 1000 as shares have one decimal) and the area's
 * share is {@code 100 * sum(numerators) / sum(bases)}. Only published figures are read, so no withheld cell
 * ever enters a sum. A sum is withheld ({@link Withheld}) when it would be incomplete (a service in the area
 * that published the measure for the year withheld it for this sex), when its cells are below the minimum
 * count ({@link Suppression#publishable}), or, for the total, when exactly one of women and men is withheld.
 * A service that published no figure of a measure for a year (not reported, or withheld for all) is not part
 * of that sum; {@code services} tells how many were summed. Blocking; cached until {@link #invalidate()}.
 */
public final class OutcomeAggregation {

    /** The area code of the whole country. */
    public static final String COUNTRY = "SE";
    /** The measures summed, in the order shown. */
    public static final List<Measure> MEASURES = List.of(Measure.PARTICIPANTS, Measure.WORK_OR_STUDIES_AT_EXIT,
            Measure.WORK_OR_STUDIES_6_MONTHS, Measure.WORK_OR_STUDIES_18_MONTHS);
    /** The sexes, in the order shown. */
    public static final List<String> SEXES = List.of("F", "M", "T");

    /** Why a sum is not published. */
    public enum Withheld {
        /** A service in the area withheld (or did not report) this sex's figure of a measure it published. */
        INCOMPLETE("incomplete"),
        /** The summed cells are below the minimum count. */
        BELOW_MINIMUM("belowMinimum"),
        /** The total, withheld because exactly one of women and men is. */
        COMPLEMENTARY("complementary");

        private final String key;

        Withheld(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /**
     * One sum: how many services were summed, the summed count (a share's numerator) and base (null for a
     * count), and the value (a count, or a share in per cent with one decimal); value, count and base are
     * null when {@code withheld} is set.
     */
    public record Sum(Measure measure, String sex, int services, Long count, Long base, BigDecimal value, Withheld withheld) {
        public boolean shown() {
            return withheld == null;
        }
    }

    /** The sums of one area and year: sex, then measure; a measure no service published for the year is absent. */
    public record Year(String period, Map<String, Map<Measure, Sum>> bySex) {
    }

    /** The areas (the country first, then counties by code) with their years (newest first), and whether the
     * figures read were cut short by {@link IndicatorQuery#MAX_OBSERVATIONS}. */
    public record Result(Map<String, List<Year>> byArea, boolean truncated) {
        public List<Year> of(String area) {
            return byArea.getOrDefault(area, List.of());
        }
    }

    private final IndicatorQuery query;
    private final CatalogStore store;
    private final HubIris iris;
    private final int minimum;
    private volatile Result cached;

    public OutcomeAggregation(CatalogStore store, HubIris iris, int minimumCount) {
        this.query = new IndicatorQuery(store, iris);
        this.store = store;
        this.iris = iris;
        this.minimum = minimumCount;
    }

    public int minimumCount() {
        return minimum;
    }

    /** Forget the cached sums (after an indicators run or a change of services). */
    public void invalidate() {
        cached = null;
    }

    /** The sums of every area. Blocking. */
    public Result result() {
        Result r = cached;
        if (r == null) {
            IndicatorQuery.Rows rows = query.find(null, null, null);
            Set<String> services = new TreeSet<>();
            rows.rows().forEach(row -> services.add(row.serviceId()));
            r = aggregate(rows.rows(), counties(services), minimum, rows.truncated());
            cached = r;
        }
        return r;
    }

    /** The county codes of each of {@code serviceIds} (from its municipalities and counties). */
    private Map<String, Set<String>> counties(Set<String> serviceIds) {
        ParameterizedSparqlString pss = new ParameterizedSparqlString(
                "SELECT DISTINCT ?s ?place WHERE { GRAPH ?g { ?s ?type ?serviceClass ; ?spatial ?place } }");
        pss.setIri("type", RDF.type.getURI());
        pss.setIri("serviceClass", CPSV.PublicService.getURI());
        pss.setIri("spatial", DCTerms.spatial.getURI());
        Map<String, Set<String>> out = new HashMap<>();
        store.query(pss.asQuery(), qe -> {
            qe.execSelect().forEachRemaining(row -> {
                if (!row.get("s").isURIResource() || !row.get("place").isURIResource()) {
                    return;
                }
                String id = iris.serviceIdOf(row.getResource("s").getURI()).orElse(null);
                if (id == null || !serviceIds.contains(id)) {
                    return;
                }
                String place = row.getResource("place").getURI();
                iris.municipalityCodeOf(place).map(HubIris::countyCodeOfMunicipality).or(() -> iris.countyCodeOf(place))
                        .ifPresent(county -> out.computeIfAbsent(id, k -> new TreeSet<>()).add(county));
            });
            return null;
        });
        return out;
    }

    /** The sums of {@code rows} over the country and each county of {@code countiesOfService}. */
    static Result aggregate(List<IndicatorQuery.Row> rows, Map<String, Set<String>> countiesOfService, int minimum,
                            boolean truncated) {
        // area -> year -> service -> sex -> row
        Map<String, Map<String, Map<String, Map<String, IndicatorQuery.Row>>>> byArea = new TreeMap<>(
                (a, b) -> a.equals(b) ? 0 : COUNTRY.equals(a) ? -1 : COUNTRY.equals(b) ? 1 : a.compareTo(b));
        for (IndicatorQuery.Row row : rows) {
            Set<String> areas = new LinkedHashSet<>();
            areas.add(COUNTRY);
            areas.addAll(countiesOfService.getOrDefault(row.serviceId(), Set.of()));
            for (String area : areas) {
                byArea.computeIfAbsent(area, k -> new TreeMap<>(Comparator.reverseOrder()))
                        .computeIfAbsent(row.period(), k -> new TreeMap<>())
                        .computeIfAbsent(row.serviceId(), k -> new HashMap<>()).put(row.sex(), row);
            }
        }
        Map<String, List<Year>> out = new LinkedHashMap<>();
        byArea.forEach((area, years) -> {
            List<Year> list = new ArrayList<>();
            years.forEach((period, services) -> list.add(year(period, services.values(), minimum)));
            out.put(area, List.copyOf(list));
        });
        return new Result(out, truncated);
    }

    private static Year year(String period, Collection<Map<String, IndicatorQuery.Row>> services, int minimum) {
        Map<String, Map<Measure, Sum>> bySex = new TreeMap<>(Comparator.comparingInt(SEXES::indexOf));
        SEXES.forEach(sex -> bySex.put(sex, new EnumMap<>(Measure.class)));
        for (Measure measure : MEASURES) {
            List<Map<String, IndicatorQuery.Row>> reporting = services.stream()
                    .filter(bySexOfService -> bySexOfService.values().stream().anyMatch(r -> r.figures().containsKey(measure)))
                    .toList();
            if (reporting.isEmpty()) {
                continue;
            }
            for (String sex : SEXES) {
                bySex.get(sex).put(measure, sum(measure, sex, reporting, minimum));
            }
            Sum women = bySex.get("F").get(measure);
            Sum men = bySex.get("M").get(measure);
            Sum total = bySex.get("T").get(measure);
            if (women.shown() != men.shown() && total.shown()) {
                bySex.get("T").put(measure, withheld(measure, "T", total.services(), Withheld.COMPLEMENTARY));
            }
        }
        return new Year(period, bySex);
    }

    private static Sum sum(Measure measure, String sex, List<Map<String, IndicatorQuery.Row>> reporting, int minimum) {
        long count = 0;
        long base = 0;
        for (Map<String, IndicatorQuery.Row> service : reporting) {
            IndicatorQuery.Row row = service.get(sex);
            Figure f = row == null ? null : row.figures().get(measure);
            if (f == null) {
                return withheld(measure, sex, reporting.size(), Withheld.INCOMPLETE);
            }
            if (measure.isShare()) {
                count += numerator(f);
                base += f.base();
            } else {
                count += f.value().longValueExact();
            }
        }
        if (!Suppression.publishable(count, measure.isShare() ? base : null, minimum)) {
            return withheld(measure, sex, reporting.size(), Withheld.BELOW_MINIMUM);
        }
        if (!measure.isShare()) {
            return new Sum(measure, sex, reporting.size(), count, null, BigDecimal.valueOf(count), null);
        }
        BigDecimal share = BigDecimal.valueOf(count * 100L).divide(BigDecimal.valueOf(base), 1, RoundingMode.HALF_UP);
        return new Sum(measure, sex, reporting.size(), count, base, share, null);
    }

    /** A share figure's numerator: its share of its base, to the nearest person. */
    static long numerator(Figure share) {
        return share.value().multiply(BigDecimal.valueOf(share.base())).divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    private static Sum withheld(Measure measure, String sex, int services, Withheld why) {
        return new Sum(measure, sex, services, null, null, null, why);
    }
}
