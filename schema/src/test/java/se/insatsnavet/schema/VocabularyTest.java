package se.insatsnavet.schema;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.Test;
import se.insatsnavet.schema.vocab.HubIris;
import se.insatsnavet.schema.vocab.INSV;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VocabularyTest {

    private static final HubIris IRIS = HubIris.defaults();
    private final Vocabulary vocab = Vocabulary.load(IRIS);
    private final Model m = vocab.model();

    private static final Map<String, Set<String>> EXPECTED = Map.of(
            "target-group", Set.of("sick-leave", "long-term-sick-leave", "activity-compensation", "sickness-compensation",
                    "income-support", "young-adults", "not-in-education-employment", "coordinated-support",
                    "long-term-unemployed", "newly-arrived", "disability", "mental-ill-health", "substance-use",
                    "special-school-leavers", "daily-activity", "relatives"),
            "method", Set.of("supported-employment", "ips", "case-management", "motivational-interviewing", "assessment",
                    "mobilisation-course", "work-training", "work-trial", "internship", "study-career-guidance",
                    "study-visits", "health-promotion", "personal-finance", "labour-market-knowledge",
                    "coordinated-individual-plan", "multi-agency-team", "action-plan", "relative-support",
                    "social-enterprise", "counselling", "digital-support"),
            "provider-type", Set.of("arbetsformedlingen", "forsakringskassan", "municipality", "region", "federation",
                    "civil-society", "employer", "other"),
            "status", Set.of("active", "planned", "paused", "ended"),
            "funding", Set.of("finsam", "esf", "municipality", "region", "state", "other"),
            "situation", Set.of("sjukskriven", "aktivitetsersattning", "forsorjningsstod", "arbetslos", "ung", "nyanland"),
            "article-kind", Set.of("vagval", "story", "question", "situation-guide"));

    @Test
    void theConceptSchemesHoldExactlyTheAgreedCodes() {
        for (var e : EXPECTED.entrySet()) {
            assertEquals(new TreeSet<>(e.getValue()), vocab.codes(e.getKey()), e.getKey());
        }
        Set<String> schemes = new HashSet<>();
        m.listSubjectsWithProperty(RDF.type, SKOS.ConceptScheme).forEachRemaining(s -> schemes.add(s.getURI()));
        Set<String> expected = new HashSet<>();
        EXPECTED.keySet().forEach(s -> expected.add(IRIS.scheme(s)));
        expected.add(IRIS.municipalityScheme());
        expected.add(IRIS.countyScheme());
        expected.add(se.insatsnavet.schema.vocab.SDMX.sexScheme.getURI()); // the indicators' sex dimension
        assertEquals(expected, schemes);
        // every concept is in one of the schemes and has the IRI its scheme and notation give
        for (Resource c : m.listSubjectsWithProperty(RDF.type, SKOS.Concept).toList()) {
            String scheme = c.getPropertyResourceValue(SKOS.inScheme).getURI();
            String code = c.getProperty(SKOS.notation).getString();
            assertTrue(schemes.contains(scheme), c.getURI());
            String separator = scheme.startsWith(se.insatsnavet.schema.vocab.SDMX.CODE_NS) ? "-" : "/";
            assertTrue(c.getURI().equals(scheme + separator + code), c.getURI());
        }
    }

    @Test
    void everyConceptHasSwedishAndEnglishLabels() {
        for (String scheme : Vocabulary.CONCEPT_SCHEMES) {
            for (String code : vocab.codes(scheme)) {
                Map<String, String> labels = vocab.prefLabels(scheme, code);
                assertTrue(labels.containsKey("sv") && labels.containsKey("en"), scheme + "/" + code + " " + labels);
                assertFalse(vocab.altLabels(scheme, code).isEmpty(), scheme + "/" + code + " has no altLabel");
            }
        }
    }

    @Test
    void everyConceptIsTopConceptOrHasABroaderOne() {
        for (String scheme : Vocabulary.CONCEPT_SCHEMES) {
            for (String code : vocab.codes(scheme)) {
                Resource c = m.createResource(IRIS.concept(scheme, code));
                assertTrue(c.hasProperty(SKOS.topConceptOf) ^ c.hasProperty(SKOS.broader), c.getURI());
            }
        }
        assertTrue(m.contains(m.createResource(IRIS.concept("target-group", "long-term-sick-leave")), SKOS.broader,
                m.createResource(IRIS.concept("target-group", "sick-leave"))));
        assertTrue(m.contains(m.createResource(IRIS.concept("method", "ips")), SKOS.broader,
                m.createResource(IRIS.concept("method", "supported-employment"))));
    }

    @Test
    void conceptIrisFollowTheConfiguredBase() {
        Vocabulary other = Vocabulary.load(HubIris.of("https://data.example.org/hub"));
        assertTrue(other.model().containsResource(
                other.model().createResource("https://data.example.org/hub/id/concept/target-group/sick-leave")));
        assertTrue(other.conceptExists("municipality", "0580"));
        assertFalse(other.model().containsResource(m.createResource(IRIS.concept("target-group", "sick-leave"))));
    }

    @Test
    void all290MunicipalitiesAnd21CountiesArePresent() {
        assertEquals(290, vocab.codes(Vocabulary.MUNICIPALITY).size());
        assertEquals(21, vocab.codes(Vocabulary.COUNTY).size());
        assertEquals(311, m.listSubjectsWithProperty(RDF.type, DCTerms.Location).toList().size());
        for (String scb : vocab.codes(Vocabulary.MUNICIPALITY)) {
            Resource r = m.createResource(IRIS.municipality(scb));
            assertTrue(r.hasProperty(DCTerms.identifier, scb), scb);
            assertEquals(scb.substring(0, 2), vocab.countyOfMunicipality(scb).orElseThrow(), scb);
            assertTrue(vocab.municipalityName(scb).orElseThrow().endsWith("kommun")
                    || scb.equals("0980"), scb + " " + vocab.municipalityName(scb)); // Gotland: "Region Gotland"
        }
    }

    @Test
    void placesAreTheGeodataFilesRows() throws Exception {
        var dir = TestSupport.geodataOrSkip();
        List<String> rows = Files.readAllLines(dir.resolve("municipalities.csv"));
        for (String row : rows.subList(1, rows.size())) {
            if (row.isBlank()) {
                continue;
            }
            String[] f = row.split(",");
            assertEquals(f[1], vocab.municipalityName(f[0]).orElseThrow());
            assertEquals(f[2], vocab.municipalityShortName(f[0]).orElseThrow());
            assertEquals(f[3], vocab.countyOfMunicipality(f[0]).orElseThrow());
        }
    }

    @Test
    void municipalityLookupsGiveNamesCodesAndCounty() {
        assertEquals("Linköpings kommun", vocab.municipalityName("0580").orElseThrow());
        assertEquals("Linköping", vocab.municipalityShortName("0580").orElseThrow());
        assertEquals("05", vocab.countyOfMunicipality("0580").orElseThrow());
        assertEquals("Östergötlands län", vocab.countyName("05").orElseThrow());
        assertEquals("0580", vocab.municipalityCode("linköping").orElseThrow());
        assertTrue(vocab.municipalityName("9999").isEmpty());
        assertFalse(vocab.conceptExists("target-group", "unicorns"));
        assertFalse(vocab.conceptExists("no-such-scheme", "x"));
    }

    @Test
    void everyOntologyTermHasSwedishAndEnglishLabelAndComment() throws Exception {
        List<Resource> terms = new ArrayList<>();
        m.listSubjects().forEachRemaining(s -> {
            if (s.isURIResource() && s.getURI().startsWith(INSV.NS)) {
                terms.add(s);
            }
        });
        assertEquals(29, terms.size(), terms.toString());
        for (Resource t : terms) {
            for (var p : List.of(RDFS.label, RDFS.comment)) {
                Set<String> langs = new HashSet<>();
                t.listProperties(p).forEachRemaining(st -> langs.add(st.getLanguage()));
                assertTrue(langs.containsAll(Set.of("sv", "en")), t + " " + p);
            }
            if (t.hasProperty(RDF.type, OWL.Class) || t.hasProperty(RDF.type, org.apache.jena.vocabulary.DCTerms.Standard)) {
                continue; // the guidance articles' classes and the easy-to-read guideline
            }
            assertTrue(t.hasProperty(RDF.type, OWL.ObjectProperty) || t.hasProperty(RDF.type, OWL.DatatypeProperty), t.getURI());
            assertTrue(t.hasProperty(RDFS.range), t.getURI());
        }
        // every INSV constant is defined in the ontology, and vice versa
        Set<String> constants = new HashSet<>();
        for (Field f : INSV.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.get(null) instanceof org.apache.jena.rdf.model.Resource r
                    && !r.equals(INSV.NAMESPACE) && !r.equals(INSV.ONTOLOGY)) {
                constants.add(r.getURI());
            }
        }
        Set<String> defined = new HashSet<>();
        terms.forEach(t -> defined.add(t.getURI()));
        assertEquals(defined, constants);
    }

    @Test
    void theIndicatorCubeStructureIsLabelledInSwedishAndEnglishAndNamesEveryInsiTerm() throws Exception {
        var dsd = m.createResource(se.insatsnavet.schema.vocab.INSI.structure.getURI());
        assertTrue(dsd.hasProperty(RDF.type, m.createResource(se.insatsnavet.schema.vocab.QB.NS + "DataStructureDefinition")));
        Set<String> components = new HashSet<>();
        dsd.listProperties(m.createProperty(se.insatsnavet.schema.vocab.QB.NS, "component")).forEachRemaining(c ->
                c.getResource().listProperties().forEachRemaining(p -> {
                    if (p.getObject().isURIResource()) {
                        components.add(p.getResource().getURI());
                    }
                }));
        Set<String> constants = new HashSet<>();
        for (Field f : se.insatsnavet.schema.vocab.INSI.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.get(null) instanceof org.apache.jena.rdf.model.Property p) {
                constants.add(p.getURI());
                var term = m.createResource(p.getURI());
                for (var label : List.of(RDFS.label, RDFS.comment)) {
                    Set<String> langs = new HashSet<>();
                    term.listProperties(label).forEachRemaining(st -> langs.add(st.getLanguage()));
                    assertTrue(langs.containsAll(Set.of("sv", "en")), p + " " + label);
                }
                assertTrue(term.hasProperty(RDFS.range), p.getURI());
            }
        }
        assertTrue(components.containsAll(constants), "every insi: property is a component of the structure: " + components);
        assertTrue(components.containsAll(Set.of(se.insatsnavet.schema.vocab.SDMX.sex.getURI(),
                se.insatsnavet.schema.vocab.QB.measureType.getURI())), components.toString());
        for (var code : List.of(se.insatsnavet.schema.vocab.SDMX.sexFemale, se.insatsnavet.schema.vocab.SDMX.sexMale,
                se.insatsnavet.schema.vocab.SDMX.sexTotal)) {
            Set<String> langs = new HashSet<>();
            m.createResource(code.getURI()).listProperties(SKOS.prefLabel).forEachRemaining(st -> langs.add(st.getLanguage()));
            assertEquals(Set.of("sv", "en"), langs, code.getURI());
        }
    }

    @Test
    void targetGroupIsASpecialisationOfAudience() {
        RDFNode sup = m.createResource(INSV.NS + "targetGroup").getPropertyResourceValue(RDFS.subPropertyOf);
        assertEquals(DCTerms.audience, sup);
    }
}
