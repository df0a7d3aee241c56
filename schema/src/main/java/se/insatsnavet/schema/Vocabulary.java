package se.insatsnavet.schema;

import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import se.insatsnavet.schema.vocab.HubIris;
import se.insatsnavet.schema.vocab.INSI;
import se.insatsnavet.schema.vocab.INSV;
import se.insatsnavet.schema.vocab.QB;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The hub's reference data as one Jena {@link Model}: the ontology ({@code insatsnavet.ttl}), the SKOS concept
 * schemes ({@code concepts.ttl}) and Sweden's counties and municipalities ({@code places.ttl}), the latter two
 * parsed with the hub's base URI. Loaded once per base URI and then read-only: do not modify {@link #model()}.
 *
 * <p>Scheme names used by the lookups: the concept schemes' codes ({@link #CONCEPT_SCHEMES}) and the place
 * schemes {@link #MUNICIPALITY} and {@link #COUNTY}.
 */
public final class Vocabulary {

    public static final String RESOURCE_DIR = "/se/insatsnavet/schema/vocab/";
    public static final String ONTOLOGY_RESOURCE = RESOURCE_DIR + "insatsnavet.ttl";
    public static final String CONCEPTS_RESOURCE = RESOURCE_DIR + "concepts.ttl";
    public static final String PLACES_RESOURCE = RESOURCE_DIR + "places.ttl";
    /** The Data Cube structure of outcome indicators ({@code insi:}), with Swedish and English labels. */
    public static final String INDICATORS_RESOURCE = RESOURCE_DIR + "indicators.ttl";
    public static final String SHAPES_RESOURCE = RESOURCE_DIR + "shapes.ttl";
    public static final String CONTEXT_RESOURCE = RESOURCE_DIR + "context.jsonld";

    public static final String TARGET_GROUP = "target-group";
    public static final String METHOD = "method";
    public static final String PROVIDER_TYPE = "provider-type";
    public static final String STATUS = "status";
    public static final String FUNDING = "funding";
    /** Pseudo-scheme name of the municipalities (codes: 4-digit SCB codes). */
    public static final String MUNICIPALITY = "municipality";
    /** Pseudo-scheme name of the counties (codes: 2-digit SCB codes). */
    public static final String COUNTY = "county";
    /** The SKOS concept schemes of {@code concepts.ttl}. */
    /** Hittaguiden's situations (where a person stands now), which situation-guide articles start from. */
    public static final String SITUATION = "situation";
    /** The kinds of guidance articles: vagval, story, question, situation-guide. */
    public static final String ARTICLE_KIND = "article-kind";

    public static final List<String> CONCEPT_SCHEMES = List.of(TARGET_GROUP, METHOD, PROVIDER_TYPE, STATUS, FUNDING,
            SITUATION, ARTICLE_KIND);

    private static final Map<String, Vocabulary> CACHE = new ConcurrentHashMap<>();

    private final HubIris iris;
    private final Model model;
    private final ConceptIndex index;

    private Vocabulary(HubIris iris, Model model) {
        this.iris = iris;
        this.model = model;
        this.index = new ConceptIndex(this);
    }

    /** The reference data under {@code iris}' base (cached per base URI). */
    public static Vocabulary load(HubIris iris) {
        return CACHE.computeIfAbsent(iris.base(), b -> {
            Model m = ModelFactory.createDefaultModel();
            parseResource(m, ONTOLOGY_RESOURCE, b);
            parseResource(m, CONCEPTS_RESOURCE, b);
            parseResource(m, PLACES_RESOURCE, b);
            parseResource(m, INDICATORS_RESOURCE, b);
            m.setNsPrefix("skos", SKOS.getURI());
            m.setNsPrefix("dct", DCTerms.NS);
            m.setNsPrefix("insv", INSV.NS);
            m.setNsPrefix("insi", INSI.NS);
            m.setNsPrefix("qb", QB.NS);
            return new Vocabulary(iris, m);
        });
    }

    /** Parses a Turtle classpath resource of this module into {@code target} with {@code base}. */
    static void parseResource(Model target, String resource, String base) {
        try (InputStream in = Vocabulary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing from classpath: " + resource);
            }
            RDFParser.source(in).lang(Lang.TURTLE).base(base).parse(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public HubIris iris() {
        return iris;
    }

    /** Ontology + concepts + places (shared and read-only). */
    public Model model() {
        return model;
    }

    /** The free-text matcher over this vocabulary. */
    public ConceptIndex conceptIndex() {
        return index;
    }

    /** The IRI of a code in a scheme (a concept scheme, {@link #MUNICIPALITY} or {@link #COUNTY}). */
    public String iri(String scheme, String code) {
        return switch (scheme) {
            case MUNICIPALITY -> iris.municipality(code);
            case COUNTY -> iris.county(code);
            default -> iris.concept(scheme, code);
        };
    }

    /** The IRI of a scheme (a concept scheme, {@link #MUNICIPALITY} or {@link #COUNTY}). */
    public String schemeIri(String scheme) {
        return switch (scheme) {
            case MUNICIPALITY -> iris.municipalityScheme();
            case COUNTY -> iris.countyScheme();
            default -> iris.scheme(scheme);
        };
    }

    /** True if {@code code} is a concept of {@code scheme} (also for {@link #MUNICIPALITY} and {@link #COUNTY}). */
    public boolean conceptExists(String scheme, String code) {
        try {
            Resource c = model.createResource(iri(scheme, code));
            return model.contains(c, SKOS.inScheme, model.createResource(schemeIri(scheme)));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The codes (skos:notation) of a scheme, sorted. */
    public Set<String> codes(String scheme) {
        Set<String> codes = new TreeSet<>();
        model.listSubjectsWithProperty(SKOS.inScheme, model.createResource(schemeIri(scheme)))
                .forEachRemaining(c -> {
                    Statement n = c.getProperty(SKOS.notation);
                    if (n != null) {
                        codes.add(n.getString());
                    }
                });
        return Collections.unmodifiableSet(codes);
    }

    /** skos:prefLabel of a code by language tag (e.g. "sv" → "Personer med försörjningsstöd"). */
    public Map<String, String> prefLabels(String scheme, String code) {
        return labels(iri(scheme, code), SKOS.prefLabel);
    }

    /** skos:prefLabel of a code in one language. */
    public Optional<String> prefLabel(String scheme, String code, String lang) {
        return Optional.ofNullable(prefLabels(scheme, code).get(lang));
    }

    /** skos:altLabel values (all languages) of a code. */
    public Set<String> altLabels(String scheme, String code) {
        Set<String> out = new TreeSet<>();
        model.listObjectsOfProperty(model.createResource(iri(scheme, code)), SKOS.altLabel)
                .forEachRemaining(n -> out.add(n.asLiteral().getLexicalForm()));
        return out;
    }

    /** Full Swedish name of a municipality ("0580" → "Linköpings kommun"). */
    public Optional<String> municipalityName(String scb) {
        return conceptExists(MUNICIPALITY, scb) ? prefLabel(MUNICIPALITY, scb, "sv") : Optional.empty();
    }

    /** Short Swedish name of a municipality ("0580" → "Linköping"). */
    public Optional<String> municipalityShortName(String scb) {
        return conceptExists(MUNICIPALITY, scb) ? altLabels(MUNICIPALITY, scb).stream().findFirst() : Optional.empty();
    }

    /** The SCB code of a municipality named in free text ("Linköping", "linkopings kommun", "0580"). */
    public Optional<String> municipalityCode(String name) {
        return index.match(MUNICIPALITY, name);
    }

    /** Full Swedish name of a county ("05" → "Östergötlands län"). */
    public Optional<String> countyName(String scb) {
        return conceptExists(COUNTY, scb) ? prefLabel(COUNTY, scb, "sv") : Optional.empty();
    }

    /** The county (2-digit SCB code) a municipality lies in, read from its skos:broader. */
    public Optional<String> countyOfMunicipality(String scb) {
        if (!conceptExists(MUNICIPALITY, scb)) {
            return Optional.empty();
        }
        Statement b = model.createResource(iris.municipality(scb)).getProperty(SKOS.broader);
        return b == null ? Optional.empty() : iris.countyCodeOf(b.getResource().getURI());
    }

    /** Whether the resource is typed {@code type} in the reference data. */
    public boolean hasType(String iri, Resource type) {
        return model.contains(model.createResource(iri), RDF.type, type);
    }

    private Map<String, String> labels(String iri, Property p) {
        Map<String, String> out = new TreeMap<>();
        for (RDFNode n : model.listObjectsOfProperty(model.createResource(iri), p).toList()) {
            Literal l = n.asLiteral();
            out.putIfAbsent(l.getLanguage(), l.getLexicalForm());
        }
        return Collections.unmodifiableMap(out);
    }
}
