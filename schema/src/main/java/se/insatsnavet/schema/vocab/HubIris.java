package se.insatsnavet.schema.vocab;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;

import java.net.URI;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place where the hub's IRIs are built (and taken apart again). Immutable and thread-safe.
 *
 * <pre>
 *   service        {base}id/service/{federationId}.{localId}
 *   sub-resource   {base}id/service/{serviceId}#{fragment}        (contact, criterion-1, channel-apply, …)
 *   organisation   {base}id/organisation/{slug}
 *   article        {base}id/article/{federationId}/{localId}      (a guidance article; its id is {federationId}/{localId})
 *   article part   {base}id/article/{articleId}#{fragment}         (easy-to-read, question, answer, step-1, …)
 *   scheme         {base}id/concept/{scheme}
 *   concept        {base}id/concept/{scheme}/{code}
 *   county         {base}id/place/county/{scb 2 digits}          scheme {base}id/place/county
 *   municipality   {base}id/place/municipality/{scb 4 digits}    scheme {base}id/place/municipality
 *   import run     {base}id/import/{federationId}/{runId}
 *   indicators     {base}id/indicators/{federationId}                a qb:DataSet
 *   observation    {base}id/indicators/{federationId}#{localId}/{year}/{sex}/{measure}
 *   graphs         {base}graph/federation/{federationId}, {base}graph/reference, {base}graph/links
 *   language       http://id.loc.gov/vocabulary/iso639-1/{code} (2 letters), …/iso639-2/{code} (3 letters)
 * </pre>
 * Every builder validates its arguments, so no caller can inject characters that change an IRI's meaning.
 *
 * <p>Why one class past 400 lines: it is the table of IRI templates above, written out as one builder and one
 * inverse ({@code …Of}) per row, sharing the validation patterns and the base URI. Split by what the IRIs name,
 * the templates of one base would be spread over several classes that every caller (the hub, the connectors'
 * tests, bench, plugins) would have to assemble again, and a reader would lose the one place where an IRI's
 * shape is decided; as with the vocabulary constants, its length is that of its table, not of any logic.</p>
 */
public final class HubIris {

    /** The default base URI of the hub. */
    public static final String DEFAULT_BASE = "http://localhost:8080/";

    private static final Pattern FEDERATION_ID = Pattern.compile("[A-Za-z0-9_~-]+");
    private static final Pattern LOCAL_ID = Pattern.compile("[A-Za-z0-9._~-]+");
    private static final Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern FRAGMENT = Pattern.compile("[A-Za-z0-9._~-]+");
    private static final Pattern SCB_MUNICIPALITY = Pattern.compile("[0-9]{4}");
    private static final Pattern SCB_COUNTY = Pattern.compile("[0-9]{2}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    private static final Pattern YEAR = Pattern.compile("[0-9]{4}");
    private static final Pattern SEX = Pattern.compile("[FMT]");
    private static final String LANG_639_1 = "http://id.loc.gov/vocabulary/iso639-1/";
    private static final String LANG_639_2 = "http://id.loc.gov/vocabulary/iso639-2/";

    /** A concept IRI taken apart: its scheme and code. */
    public record ConceptRef(String scheme, String code) {
    }

    private final String base;
    private final Pattern conceptIri;

    private HubIris(String base) {
        this.base = base;
        this.conceptIri = Pattern.compile(Pattern.quote(base + "id/concept/") + "([a-z0-9-]+)/([a-z0-9-]+)");
    }

    /** The hub's IRIs under {@code baseUri} (absolute http(s) URI; a missing trailing slash is added). */
    public static HubIris of(String baseUri) {
        Objects.requireNonNull(baseUri, "baseUri");
        String b = baseUri.endsWith("/") ? baseUri : baseUri + "/";
        URI uri;
        try {
            uri = URI.create(b);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("base URI is not a URI: " + baseUri, e);
        }
        if (!uri.isAbsolute() || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("base URI must be an absolute http(s) URI without query or fragment: " + baseUri);
        }
        return new HubIris(b);
    }

    /** The hub's IRIs under {@link #DEFAULT_BASE}. */
    public static HubIris defaults() {
        return of(DEFAULT_BASE);
    }

    /** The base URI, ending in '/'. */
    public String base() {
        return base;
    }

    // ------------------------------------------------------------------ services

    /** {@code <base>id/service/<serviceId>}. */
    public String service(String serviceId) {
        checkServiceId(serviceId);
        return base + "id/service/" + serviceId;
    }

    /** A service's id: {@code federationId + "." + localId}. Federation ids never contain a dot. */
    public static String serviceId(String federationId, String localId) {
        check(FEDERATION_ID, federationId, "federation id");
        check(LOCAL_ID, localId, "local id");
        return federationId + "." + localId;
    }

    /** The federation part of a service id. */
    public static String federationIdOf(String serviceId) {
        checkServiceId(serviceId);
        return serviceId.substring(0, serviceId.indexOf('.'));
    }

    /** The local-id part of a service id. */
    public static String localIdOf(String serviceId) {
        checkServiceId(serviceId);
        return serviceId.substring(serviceId.indexOf('.') + 1);
    }

    /** The service id of a service IRI (also of its sub-resources' hash IRIs), if it is one of this hub's. */
    public Optional<String> serviceIdOf(String iri) {
        String prefix = base + "id/service/";
        if (iri == null || !iri.startsWith(prefix)) {
            return Optional.empty();
        }
        String rest = iri.substring(prefix.length());
        int hash = rest.indexOf('#');
        String id = hash < 0 ? rest : rest.substring(0, hash);
        int dot = id.indexOf('.');
        if (dot <= 0 || !FEDERATION_ID.matcher(id.substring(0, dot)).matches()
                || !LOCAL_ID.matcher(id.substring(dot + 1)).matches()) {
            return Optional.empty();
        }
        return Optional.of(id);
    }

    /** A sub-resource of a service: {@code <service>#<fragment>} (e.g. contact, criterion-1). */
    public String serviceFragment(String serviceId, String fragment) {
        check(FRAGMENT, fragment, "fragment");
        return service(serviceId) + "#" + fragment;
    }

    /** The fragment of a service sub-resource IRI, if it is one. */
    public Optional<String> fragmentOf(String iri) {
        if (serviceIdOf(iri).isEmpty()) {
            return Optional.empty();
        }
        int hash = iri.indexOf('#');
        return hash < 0 ? Optional.empty() : Optional.of(iri.substring(hash + 1));
    }

    /** The prefix every triple subject of one service starts with ({@code <service>}, {@code <service>#…}). */
    public boolean belongsToService(String iri, String serviceId) {
        String s = service(serviceId);
        return iri != null && (iri.equals(s) || iri.startsWith(s + "#"));
    }

    // ------------------------------------------------------------------ guidance articles

    /**
     * A guidance article's id: {@code federationId + "/" + localId}. The slash keeps article ids apart from service
     * ids ({@code federation.localId}), which never contain one, wherever both are listed (change log, feeds).
     */
    public static String articleId(String federationId, String localId) {
        check(FEDERATION_ID, federationId, "federation id");
        check(LOCAL_ID, localId, "local id");
        return federationId + "/" + localId;
    }

    /** {@code <base>id/article/<federationId>/<localId>}. */
    public String article(String federationId, String localId) {
        return base + "id/article/" + articleId(federationId, localId);
    }

    /** {@code <base>id/article/<articleId>} for an id made by {@link #articleId}. */
    public String article(String articleId) {
        checkArticleId(articleId);
        return base + "id/article/" + articleId;
    }

    /** A part of an article: {@code <article>#<fragment>} (easy-to-read, question, answer, step-1 …). */
    public String articleFragment(String articleId, String fragment) {
        check(FRAGMENT, fragment, "fragment");
        return article(articleId) + "#" + fragment;
    }

    /** The article id of an article IRI (not of its parts), if it is one of this hub's. */
    public Optional<String> articleIdOf(String iri) {
        String prefix = base + "id/article/";
        if (iri == null || !iri.startsWith(prefix)) {
            return Optional.empty();
        }
        String id = iri.substring(prefix.length());
        return isArticleId(id) ? Optional.of(id) : Optional.empty();
    }

    /** The federation part of an article id. */
    public static String federationIdOfArticle(String articleId) {
        checkArticleId(articleId);
        return articleId.substring(0, articleId.indexOf('/'));
    }

    /** The local-id part of an article id. */
    public static String localIdOfArticle(String articleId) {
        checkArticleId(articleId);
        return articleId.substring(articleId.indexOf('/') + 1);
    }

    /** Whether {@code id} is an article id ({@code <federation>/<localId>}). */
    public static boolean isArticleId(String id) {
        if (id == null) {
            return false;
        }
        int slash = id.indexOf('/');
        return slash > 0 && FEDERATION_ID.matcher(id.substring(0, slash)).matches()
                && LOCAL_ID.matcher(id.substring(slash + 1)).matches();
    }

    private static void checkArticleId(String articleId) {
        if (!isArticleId(articleId)) {
            throw new IllegalArgumentException("article id must be <federation>/<localId>: '" + articleId + "'");
        }
    }

    // ------------------------------------------------------------------ organisations

    /** {@code <base>id/organisation/<slug>}; the slug must be a code ({@code [a-z0-9]+(-[a-z0-9]+)*}). */
    public String organisation(String slug) {
        check(CODE, slug, "organisation slug");
        return base + "id/organisation/" + slug;
    }

    /** The slug of an organisation IRI. */
    public Optional<String> organisationSlugOf(String iri) {
        return tail(iri, base + "id/organisation/", CODE);
    }

    /**
     * A slug: lower-case ASCII letters and digits, å/ä→a, ö→o (other diacritics dropped), every other run of
     * characters → a single '-', no leading or trailing '-'. "Samordningsförbundet Östra Östergötland" →
     * "samordningsforbundet-ostra-ostergotland".
     */
    public static String slug(String name) {
        Objects.requireNonNull(name, "name");
        String n = Normalizer.normalize(name.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "");
        n = n.replace('ø', 'o').replace('æ', 'a').replace("ß", "ss");
        n = n.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (n.isEmpty()) {
            throw new IllegalArgumentException("name gives an empty slug: '" + name + "'");
        }
        return n.length() > 80 ? n.substring(0, 80).replaceAll("-+$", "") : n;
    }

    // ------------------------------------------------------------------ concepts

    /** {@code <base>id/concept/<scheme>}. */
    public String scheme(String scheme) {
        check(CODE, scheme, "scheme");
        return base + "id/concept/" + scheme;
    }

    /** {@code <base>id/concept/<scheme>/<code>}. */
    public String concept(String scheme, String code) {
        check(CODE, code, "concept code");
        return scheme(scheme) + "/" + code;
    }

    /** Scheme and code of a concept IRI of this hub. */
    public Optional<ConceptRef> conceptOf(String iri) {
        if (iri == null) {
            return Optional.empty();
        }
        Matcher m = conceptIri.matcher(iri);
        return m.matches() ? Optional.of(new ConceptRef(m.group(1), m.group(2))) : Optional.empty();
    }

    /** The code of a concept IRI if it is in {@code scheme}. */
    public Optional<String> codeOf(String scheme, String iri) {
        return conceptOf(iri).filter(c -> c.scheme().equals(scheme)).map(ConceptRef::code);
    }

    // ------------------------------------------------------------------ places

    /** {@code <base>id/place/municipality/<scb>} (4 digits). */
    public String municipality(String scb) {
        check(SCB_MUNICIPALITY, scb, "SCB municipality code");
        return base + "id/place/municipality/" + scb;
    }

    /** {@code <base>id/place/county/<scb>} (2 digits). */
    public String county(String scb) {
        check(SCB_COUNTY, scb, "SCB county code");
        return base + "id/place/county/" + scb;
    }

    /** The municipalities' concept scheme, {@code <base>id/place/municipality}. */
    public String municipalityScheme() {
        return base + "id/place/municipality";
    }

    /** The counties' concept scheme, {@code <base>id/place/county}. */
    public String countyScheme() {
        return base + "id/place/county";
    }

    /** The SCB code of a municipality IRI. */
    public Optional<String> municipalityCodeOf(String iri) {
        return tail(iri, base + "id/place/municipality/", SCB_MUNICIPALITY);
    }

    /** The SCB code of a county IRI. */
    public Optional<String> countyCodeOf(String iri) {
        return tail(iri, base + "id/place/county/", SCB_COUNTY);
    }

    /** The county code a municipality code belongs to (SCB: its first two digits). */
    public static String countyCodeOfMunicipality(String scb) {
        check(SCB_MUNICIPALITY, scb, "SCB municipality code");
        return scb.substring(0, 2);
    }

    // ------------------------------------------------------------------ graphs and runs

    /** {@code <base>graph/federation/<federationId>}. */
    public String federationGraph(String federationId) {
        check(FEDERATION_ID, federationId, "federation id");
        return base + "graph/federation/" + federationId;
    }

    /** The federation id of a federation graph IRI. */
    public Optional<String> federationIdOfGraph(String iri) {
        return tail(iri, base + "graph/federation/", FEDERATION_ID);
    }

    /** {@code <base>graph/reference}: ontology, concept schemes, places. */
    public String referenceGraph() {
        return base + "graph/reference";
    }

    /**
     * {@code <base>graph/links}: links between published services that editors confirmed (owl:sameAs,
     * skos:exactMatch between the same service listed by two federations).
     */
    public String linksGraph() {
        return base + "graph/links";
    }

    /** {@code <base>catalog}: the DCAT catalogue of the hub. */
    public String catalog() {
        return base + "catalog";
    }

    /** {@code <base>id/dataset/national}: the whole catalogue as one dataset. */
    public String nationalDataset() {
        return base + "id/dataset/national";
    }

    /** {@code <base>id/dataset/federation/<id>}: one federation's services as a dataset. */
    public String federationDataset(String federationId) {
        check(FEDERATION_ID, federationId, "federation id");
        return base + "id/dataset/federation/" + federationId;
    }

    /** A part of the catalogue's description: {@code <base>catalog#<fragment>} (distributions, services, contact). */
    public String catalogPart(String fragment) {
        check(FRAGMENT, fragment, "catalogue fragment");
        return catalog() + "#" + fragment;
    }

    /** An HTTP endpoint of the hub, e.g. {@code endpoint("sparql")} → {@code <base>sparql}. */
    public String endpoint(String path) {
        if (!path.matches("[a-z0-9/._-]+") || path.startsWith("/") || path.contains("..")) {
            throw new IllegalArgumentException("not an endpoint path: " + path);
        }
        return base + path;
    }

    /** {@code <base>id/dataset/guidance}: every federation's guidance articles (issue 20) as one dataset. */
    public String guidanceDataset() {
        return base + "id/dataset/guidance";
    }

    /** {@code <base>id/dataset/usage}: the hub's anonymous usage statistics as a dataset. */
    public String usageDataset() {
        return base + "id/dataset/usage";
    }

    /** {@code <base>id/indicators/<federationId>}: a federation's outcome indicators, a {@code qb:DataSet}. */
    public String indicatorDataSet(String federationId) {
        check(FEDERATION_ID, federationId, "federation id");
        return base + "id/indicators/" + federationId;
    }

    /**
     * One observation of a federation's indicator data set:
     * {@code <base>id/indicators/<federationId>#<localId>/<year>/<sex>/<measure>}.
     */
    public String indicatorObservation(String federationId, String localId, String year, String sex, String measure) {
        check(LOCAL_ID, localId, "local id");
        check(YEAR, year, "year");
        check(SEX, sex, "sex code");
        check(FRAGMENT, measure, "measure");
        return indicatorDataSet(federationId) + "#" + localId + "/" + year + "/" + sex + "/" + measure;
    }

    /** {@code <base>id/import/<federationId>/<runId>}: a prov:Activity. */
    public String importRun(String federationId, long runId) {
        check(FEDERATION_ID, federationId, "federation id");
        if (runId < 0) {
            throw new IllegalArgumentException("run id must not be negative: " + runId);
        }
        return base + "id/import/" + federationId + "/" + runId;
    }

    /** The run id of an import-run IRI. */
    public Optional<Long> importRunIdOf(String iri) {
        String prefix = base + "id/import/";
        if (iri == null || !iri.startsWith(prefix)) {
            return Optional.empty();
        }
        Matcher m = Pattern.compile("[A-Za-z0-9_~-]+/([0-9]{1,18})").matcher(iri.substring(prefix.length()));
        return m.matches() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }

    // ------------------------------------------------------------------ languages (external)

    /** The Library of Congress ISO 639 IRI of a language code ("sv" → …/iso639-1/sv, "sme" → …/iso639-2/sme). */
    public static String language(String code) {
        check(LANGUAGE, code, "language code");
        return (code.length() == 2 ? LANG_639_1 : LANG_639_2) + code;
    }

    /** The language code of an ISO 639 IRI made by {@link #language(String)}. */
    public static Optional<String> languageCodeOf(String iri) {
        if (iri == null) {
            return Optional.empty();
        }
        for (String p : new String[] {LANG_639_1, LANG_639_2}) {
            if (iri.startsWith(p) && LANGUAGE.matcher(iri.substring(p.length())).matches()) {
                return Optional.of(iri.substring(p.length()));
            }
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------------ Jena conveniences

    /** {@code model.createResource(iri)}: a resource of {@code model} for an IRI built here. */
    public static Resource in(Model model, String iri) {
        return model.createResource(iri);
    }

    @Override
    public String toString() {
        return "HubIris[" + base + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HubIris h && h.base.equals(base);
    }

    @Override
    public int hashCode() {
        return base.hashCode();
    }

    // ------------------------------------------------------------------ helpers

    private static Optional<String> tail(String iri, String prefix, Pattern pattern) {
        if (iri == null || !iri.startsWith(prefix)) {
            return Optional.empty();
        }
        String rest = iri.substring(prefix.length());
        return pattern.matcher(rest).matches() ? Optional.of(rest) : Optional.empty();
    }

    private static void checkServiceId(String serviceId) {
        Objects.requireNonNull(serviceId, "serviceId");
        int dot = serviceId.indexOf('.');
        if (dot <= 0) {
            throw new IllegalArgumentException("service id must be <federation>.<localId>: '" + serviceId + "'");
        }
        check(FEDERATION_ID, serviceId.substring(0, dot), "federation id");
        check(LOCAL_ID, serviceId.substring(dot + 1), "local id");
    }

    private static void check(Pattern pattern, String value, String what) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid " + what + ": '" + value + "'");
        }
    }
}
