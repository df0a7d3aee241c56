package se.insatsnavet.hub.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CachingTokenFilter;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;
import se.insatsnavet.hub.services.StatusFilter;
import se.insatsnavet.schema.Vocabulary;
import se.insatsnavet.schema.vocab.HubIris;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The Lucene document of a service (its item as {@code /api/services} gives it): its id, titles (the
 * {@code title} field, boosted at query time, and {@code sort_title} for the order by title), the description
 * shown (with offsets for the snippets, and its sentence boundaries, see {@link KnownSentences}), a text field
 * (descriptions, keywords, target groups, methods, provider, contact), the filter fields and facet dimensions of
 * {@link ServiceIndex#DIMENSIONS}, ages as points and doc values, a planned start, the time of its last change,
 * and the item's JSON as a binary doc value ({@code json}). The layout is {@link ServiceIndex#FORMAT}'s.
 * Thread-safe (a writer builds documents under the index's lock).
 */
final class ServiceDocuments {

    private static final int OPEN_MIN = 0;
    private static final int OPEN_MAX = 999;
    /** The description: positions and offsets in the postings, for the highlighter; not stored (the item has it). */
    private static final FieldType DESCRIPTION = description();

    /**
     * The index analyser again, for the description analysed once for two fields ({@link #document}): its own
     * instance, since an analyser reuses one token stream per thread, which the writer's analysis of the other
     * fields would reset before the description's is read.
     */
    private final Analyzer descriptionAnalyzer = SwedishAnalysis.index();
    private final Vocabulary vocabulary;
    private final Function<JsonNode, String> organisationIri;
    private final FacetsConfig facetsConfig;

    ServiceDocuments(Vocabulary vocabulary, Function<JsonNode, String> organisationIri, FacetsConfig facetsConfig) {
        this.vocabulary = vocabulary;
        this.organisationIri = organisationIri;
        this.facetsConfig = facetsConfig;
    }

    /** The document of a service, its facet fields built as the index's facet configuration wants them. */
    Document build(ObjectNode item) throws IOException {
        return facetsConfig.build(document(item));
    }

    private Document document(ObjectNode s) {
        Document d = new Document();
        d.add(new StringField("id", s.path("id").asText(), Field.Store.NO));
        // doc values, not a stored field: a page's items are read without decompressing stored-field blocks
        d.add(new BinaryDocValuesField("json", new BytesRef(s.toString())));
        String federation = s.path("federation").asText();
        keyword(d, "federation", federation);
        StringBuilder titles = new StringBuilder();
        s.path("title").forEach(t -> titles.append(t.asText()).append('\n'));
        d.add(new TextField("title", titles.toString(), Field.Store.NO));
        String sortTitle = text(s.path("title")).toLowerCase(Locale.ROOT);
        d.add(new SortedDocValuesField("sort_title", new BytesRef(sortTitle)));
        // the description shown (Swedish, else the first) is analysed once: its tokens, cached, make the
        // description field and the text field's part for it (a field given in several parts is indexed as their
        // concatenation: the same terms, positions and length as one string of the parts joined by newlines)
        JsonNode descriptions = s.path("description");
        String shown = descriptions.has("sv") ? "sv" : null;
        Iterator<String> names = descriptions.fieldNames();
        if (shown == null && names.hasNext()) {
            shown = names.next();
        }
        String description = shown == null ? "" : descriptions.path(shown).asText();
        CachingTokenFilter shownTokens = new CachingTokenFilter(descriptionAnalyzer.tokenStream("description", description));
        d.add(new Field("description", shownTokens, DESCRIPTION));
        d.add(new BinaryDocValuesField("sentences", KnownSentences.encode(description)));
        StringBuilder more = new StringBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> it = descriptions.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals(shown)) {
                if (!more.isEmpty()) {
                    d.add(new TextField("text", more.toString(), Field.Store.NO));
                    more.setLength(0);
                }
                d.add(new Field("text", shownTokens, TextField.TYPE_NOT_STORED));
            } else {
                more.append(e.getValue().asText()).append('\n');
            }
        }
        s.path("keywords").forEach(k -> more.append(k.asText()).append('\n'));
        s.path("provider").path("name").forEach(n -> more.append(n.asText()).append('\n'));
        more.append(s.path("contact").path("name").asText("")).append('\n');
        for (String tg : codes(s.path("targetGroups"))) {
            keyword(d, "targetGroup", tg);
            more.append(vocabulary.prefLabel(Vocabulary.TARGET_GROUP, tg, "sv").orElse(tg)).append('\n');
        }
        for (String m : codes(s.path("methods"))) {
            keyword(d, "method", m);
            more.append(vocabulary.prefLabel(Vocabulary.METHOD, m, "sv").orElse(m)).append('\n');
        }
        d.add(new TextField("text", more.toString(), Field.Store.NO));
        if (s.path("targetGroups").size() > 0) {
            d.add(new StringField("has", "targetGroup", Field.Store.NO));
        }
        if (s.path("methods").size() > 0) {
            d.add(new StringField("has", "method", Field.Store.NO));
        }
        Set<String> counties = new TreeSet<>();
        for (String m : codes(s.path("municipalities"))) {
            keyword(d, "municipality", m);
            counties.add(HubIris.countyCodeOfMunicipality(m));
        }
        counties.addAll(codes(s.path("regions")));
        counties.forEach(c -> keyword(d, "county", c));
        if (s.path("provider").hasNonNull("type")) {
            keyword(d, "providerType", s.path("provider").path("type").asText());
        }
        if (s.path("provider").isObject()) {
            d.add(new StringField("organisation", organisationIri.apply(s.path("provider")), Field.Store.NO));
        }
        codes(s.path("languages")).forEach(l -> keyword(d, "language", l));
        String status = StatusFilter.status(s);
        keyword(d, "status", status);
        if (StatusFilter.PLANNED.equals(status)) {
            StatusFilter.start(s).ifPresent(start -> d.add(new LongPoint("plannedStart", start.toEpochDay())));
        }
        JsonNode admission = s.path("admission");
        if (admission.path("referralRequired").asBoolean(false)) {
            keyword(d, "referral", "required");
        }
        if (admission.path("selfReferral").asBoolean(false) || admission.path("referralRequired").isBoolean()
                && !admission.path("referralRequired").asBoolean()) {
            keyword(d, "referral", "self");
        }
        // points and doc values: a search by age checks the ages of the few documents its other clauses match
        // (doc values) instead of collecting every document of the range (points), when that is cheaper
        int minAge = s.path("ageRange").path("min").asInt(OPEN_MIN);
        int maxAge = s.path("ageRange").path("max").asInt(OPEN_MAX);
        d.add(new IntPoint("minAge", minAge));
        d.add(new NumericDocValuesField("minAge", minAge));
        d.add(new IntPoint("maxAge", maxAge));
        d.add(new NumericDocValuesField("maxAge", maxAge));
        if (s.hasNonNull("modified")) {
            d.add(new LongPoint("modified", Instant.parse(s.path("modified").asText()).toEpochMilli()));
        }
        return d;
    }

    private static FieldType description() {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    private static void keyword(Document d, String field, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        d.add(new StringField(field, value, Field.Store.NO));
        d.add(new SortedSetDocValuesFacetField(field, value));
    }

    private static List<String> codes(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    private static String text(JsonNode languages) {
        if (languages.has("sv")) {
            return languages.path("sv").asText();
        }
        Iterator<JsonNode> it = languages.elements();
        return it.hasNext() ? it.next().asText() : "";
    }
}
