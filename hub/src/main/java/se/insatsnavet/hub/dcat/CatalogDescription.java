package se.insatsnavet.hub.dcat;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.VCARD4;
import se.insatsnavet.connectors.descriptor.FederationDescriptor;
import se.insatsnavet.hub.dumps.Dumps;
import se.insatsnavet.hub.linkeddata.ExtraFormats;
import se.insatsnavet.schema.vocab.HubIris;

import java.math.BigInteger;
import java.util.Collection;
import java.util.List;

/**
 * The hub's DCAT-AP 3.0.1 catalogue: the national dataset, one dataset per federation, the guidance articles
 * and the usage statistics, each with its distributions (described, with availability, format, media type and licence), the
 * data services (SPARQL, JSON API, HSDS API), licence (CC0 1.0, a public-domain licence type), publishers with a
 * type, contact points with name and e-mail, no blank nodes for catalogue, datasets, distributions, agents and
 * contacts, and absolute IRIs (DCAT-AP-SE's rules). Spatial coverage is Sweden (EU country table); the temporal
 * coverage, issue and modification dates come from the hub's own records ({@link CatalogFacts}) and are left
 * out while it has none. Checksums and periods of time are blank nodes, part of the description of the
 * distribution or dataset they belong to (what a feed consumer replaces with it).
 */
public final class CatalogDescription {

    static final String SPDX = "http://spdx.org/rdf/terms#";
    /**
     * SHA-256 as DCAT-AP 3.0.1's mdr-vocabularies shapes require it ({@code ^https://spdx.org/rdf/terms}); the
     * catalogue states it {@code owl:sameAs} SPDX's own {@code http://} term.
     */
    static final String SHA256 = "https://spdx.org/rdf/terms#checksumAlgorithm_sha256";
    /** Open Referral HSDS, the standard the HSDS API and the tabular package conform to. */
    static final String HSDS = "https://docs.openreferral.org/en/latest/hsds/";
    /** The Linked Data Event Streams specification, which /ldes conforms to. */
    static final String LDES_SPEC = "https://w3id.org/ldes/specification";
    /** The W3C RDF Data Cube vocabulary, which the indicator data sets conform to. */
    static final String DATA_CUBE = "http://www.w3.org/TR/vocab-data-cube/";
    static final String SPARQL_PROTOCOL = "https://www.w3.org/TR/sparql11-protocol/";
    static final Resource CC0 = ResourceFactory.createResource("http://creativecommons.org/publicdomain/zero/1.0/");
    /** The path of the catalogue's own change feed (an LDES of DCAT-AP entities), linked from the catalogue. */
    public static final String FEED_PATH = "catalog/feed";

    private final HubIris iris;
    private final String hubName;
    private final String hubEmail;

    /**
     * @param hubName  the hub operator's name (publisher and contact of the catalogue)
     * @param hubEmail the operator's contact e-mail address
     */
    public CatalogDescription(HubIris iris, String hubName, String hubEmail) {
        this.iris = iris;
        this.hubName = hubName;
        this.hubEmail = hubEmail;
    }

    public Model build(Collection<FederationDescriptor> federations) {
        return build(federations, List.of(), List.of(), CatalogFacts.NONE);
    }

    /**
     * The catalogue, with the dumps (size and checksum) and the extra representations of services (feed-format
     * plugins) as distributions of the national dataset, and the periods the hub's records cover.
     */
    public Model build(Collection<FederationDescriptor> federations, List<Dumps.DumpInfo> dumps,
                       List<ExtraFormats.Format> extraFormats, CatalogFacts facts) {
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefix("dcat", DCAT.NS).setNsPrefix("dct", DCTerms.NS).setNsPrefix("foaf", FOAF.NS)
                .setNsPrefix("vcard", VCARD4.NS).setNsPrefix("skos", SKOS.uri).setNsPrefix("dcatap", Distributions.DCATAP);
        Resource publisher = agent(m, iris.organisation("insatsnavet"), hubName, "NationalAuthority");
        Resource contact = contact(m, iris.catalogPart("contact"), hubName, hubEmail);
        m.createResource(CC0.getURI()).addProperty(RDF.type, DCTerms.LicenseDocument)
                .addProperty(DCTerms.type, EuVocabularies.licenceType(m, "PublicDomain"));

        Resource catalog = m.createResource(iris.catalog()).addProperty(RDF.type, DCAT.Catalog)
                .addProperty(DCTerms.title, "Insatsnavet – nationell katalog över insatser", "sv")
                .addProperty(DCTerms.title, "Insatsnavet – national catalogue of welfare services", "en")
                .addProperty(DCTerms.description, "Insatser för personer långt från arbete eller studier, från Sveriges samordningsförbund, som länkade öppna data.", "sv")
                .addProperty(DCTerms.description, "Services for people far from work or studies, from Sweden's coordination federations, as linked open data.", "en")
                .addProperty(DCTerms.publisher, publisher)
                .addProperty(DCAT.contactPoint, contact)
                .addProperty(DCTerms.license, CC0)
                .addProperty(FOAF.homepage, m.createResource(iris.base()).addProperty(RDF.type, FOAF.Document))
                .addProperty(DCTerms.language, EuVocabularies.swedish(m))
                .addProperty(DCTerms.spatial, EuVocabularies.sweden(m))
                .addProperty(DCAT.themeTaxonomy, EuVocabularies.populationAndSociety(m).getPropertyResourceValue(SKOS.inScheme))
                .addProperty(RDFS.seeAlso, m.createResource(iris.endpoint(FEED_PATH))
                        .addProperty(RDF.type, m.createResource("https://w3id.org/ldes#EventStream")));
        facts.national().ifPresent(p -> catalog
                .addLiteral(DCTerms.issued, m.createTypedLiteral(p.first().toString(), XSDDatatype.XSDdateTime))
                .addLiteral(DCTerms.modified, m.createTypedLiteral(p.latest().toString(), XSDDatatype.XSDdateTime)));

        Distributions d = new Distributions(m);
        Resource sparql = service(m, iris.catalogPart("sparql"), "SPARQL-ändpunkt", "SPARQL endpoint",
                iris.endpoint("sparql"), "SPARQLQ", publisher, contact)
                .addProperty(DCAT.endpointDescription, m.createResource(iris.endpoint("sparql")))
                .addProperty(DCTerms.conformsTo, standard(m, SPARQL_PROTOCOL, "SPARQL 1.1 Protocol"))
                .addProperty(DCAT.keyword, "SPARQL", "sv");
        Resource api = service(m, iris.catalogPart("api"), "JSON-API för insatser", "JSON API of services",
                iris.endpoint("api/services"), "JSON", publisher, contact)
                .addProperty(DCAT.endpointDescription, m.createResource(iris.endpoint("openapi.json")))
                .addProperty(DCTerms.conformsTo, standard(m, iris.endpoint("schema/service.schema.json"),
                        "Insatsnavet: JSON Schema of a service"))
                .addProperty(DCAT.keyword, "API", "sv");
        Resource hsdsStandard = standard(m, HSDS, "Open Referral Human Services Data Specification 3.1");
        Resource hsds = service(m, iris.catalogPart("hsds"), "HSDS-API (Open Referral)", "HSDS API (Open Referral)",
                iris.endpoint("hsds/"), "JSON", publisher, contact)
                .addProperty(DCTerms.conformsTo, hsdsStandard)
                .addProperty(DCAT.endpointDescription, m.createResource(iris.endpoint("openapi.json")))
                .addProperty(DCAT.keyword, "HSDS", "sv");
        catalog.addProperty(DCAT.service, sparql).addProperty(DCAT.service, api).addProperty(DCAT.service, hsds);

        String n = iris.nationalDataset();
        Resource national = dataset(m, n, "Alla insatser i Insatsnavet", "All services in Insatsnavet",
                "Alla samordningsförbunds insatser i en gemensam, länkad struktur (CPSV-AP 3).",
                "Every federation's services in one linked structure (CPSV-AP 3).", publisher, contact, "national");
        facts.national().ifPresent(p -> d.temporal(national, p));
        sparql.addProperty(DCAT.servesDataset, national);
        api.addProperty(DCAT.servesDataset, national);
        hsds.addProperty(DCAT.servesDataset, national);
        d.add(national, n + "#sparql", "SPARQL", "Alla insatser som länkade data, att fråga med SPARQL 1.1.",
                iris.endpoint("sparql"), "SPARQLQ", "application/sparql-results+json", sparql);
        d.add(national, n + "#json", "JSON", "Alla insatser som JSON, sidvis och med filter.",
                iris.endpoint("api/services"), "JSON", "application/json", api);
        d.add(national, n + "#changes", "Ändringar (JSON)", "Varje tillagd, ändrad och borttagen insats i ordning, sidvis.",
                iris.endpoint("changes"), "JSON", "application/json", null);
        d.add(national, n + "#coverage-json", "Täckning per kommun (JSON)", "Antal aktiva insatser per kommun och målgrupp.",
                iris.endpoint("api/coverage"), "JSON", "application/json", null);
        d.add(national, n + "#coverage-csv", "Täckning per kommun och målgrupp (CSV)",
                "Antal aktiva insatser per kommun och målgrupp, som tabell.",
                iris.endpoint("api/coverage") + "?format=csv", "CSV", "text/csv", null);
        d.add(national, n + "#indicators-json", "Resultatindikatorer per insats (JSON)",
                "Insatsernas resultat per år och kön (kvinnor, män, totalt).",
                iris.endpoint("api/indicators"), "JSON", "application/json", null);
        d.add(national, n + "#indicators-csv", "Resultatindikatorer per insats (CSV)",
                "Insatsernas resultat per år och kön (kvinnor, män, totalt), som tabell.",
                iris.endpoint("api/indicators") + "?format=csv", "CSV", "text/csv", null);
        d.add(national, n + "#ldes", "Linked Data Event Stream",
                "Varje ändring av en insats som en aktivitet (Activity Streams) i en Linked Data Event Stream.",
                iris.endpoint("ldes"), "RDF_TURTLE", "text/turtle", null)
                .addProperty(DCTerms.conformsTo, standard(m, LDES_SPEC, "Linked Data Event Streams"));
        for (Dumps.DumpInfo dump : dumps) {
            String fileType = dump.name().endsWith(".nq.gz") ? "NQUAD" : dump.name().endsWith(".ttl") ? "RDF_TURTLE"
                    : dump.name().endsWith(".zip") ? "ZIP" : "JSON";
            Resource dist = d.add(national, n + "#dump-" + dump.name().replaceAll("[^A-Za-z0-9_-]", "-"), "Dump: " + dump.name(),
                    "Hela filen " + dump.name() + ", skriven på nytt efter varje ändring.",
                    iris.endpoint("dumps/" + dump.name()), fileType, dump.mediaType(), null);
            dist.addProperty(DCAT.downloadURL, m.createResource(iris.endpoint("dumps/" + dump.name())));
            dist.addLiteral(DCAT.byteSize, m.createTypedLiteral(BigInteger.valueOf(dump.bytes()), XSDDatatype.XSDnonNegativeInteger));
            Resource checksum = m.createResource()
                    .addProperty(RDF.type, m.createResource(SPDX + "Checksum"))
                    .addProperty(m.createProperty(SPDX + "algorithm"), m.createResource(SHA256)
                            .addProperty(RDF.type, m.createResource(SPDX + "ChecksumAlgorithm"))
                            .addProperty(OWL.sameAs, m.createResource(SPDX + "checksumAlgorithm_sha256")))
                    .addProperty(m.createProperty(SPDX + "checksumValue"), m.createTypedLiteral(dump.sha256(), XSDDatatype.XSDhexBinary));
            dist.addProperty(m.createProperty(SPDX + "checksum"), checksum);
            if (dump.name().equals("hsds.zip")) {
                dist.addProperty(DCTerms.conformsTo, hsdsStandard);
            }
        }
        for (ExtraFormats.Format f : extraFormats) {
            d.add(national, n + "#format-" + f.name(), f.title() + " (per insats: ?format=" + f.name() + ")",
                    "Varje insats URI ger också denna form, med ?format=" + f.name() + " eller Accept: " + f.mediaType()
                            + " (ett tillägg, som kan tas bort).",
                    iris.base() + "id/service/", EuVocabularies.FILE_TYPES_BY_MEDIA_TYPE.getOrDefault(f.mediaType(), "BIN"),
                    f.mediaType(), null, "AVAILABLE");
        }
        catalog.addProperty(DCAT.dataset, national);

        for (FederationDescriptor f : federations) {
            String name = f.name().getOrDefault("sv", f.id());
            String uri = iris.federationDataset(f.id());
            Resource federationAgent = agent(m, iris.organisation(f.id()), name, "RegionalAuthority");
            Resource federationContact = f.contact() != null && f.contact().email() != null
                    ? contact(m, uri + "#contact", f.contact().name() != null ? f.contact().name() : name, f.contact().email())
                    : contact;
            Resource ds = dataset(m, uri, "Insatser från " + name, "Services of " + name,
                    "De insatser " + name + " publicerar.", "The services " + name + " publishes.",
                    federationAgent, federationContact, f.id());
            if (facts.perFederation().containsKey(f.id())) {
                d.temporal(ds, facts.perFederation().get(f.id()));
            }
            d.add(ds, uri + "#json", "JSON", "Förbundets insatser som JSON, sidvis och med filter.",
                    iris.endpoint("api/services") + "?federation=" + f.id(), "JSON", "application/json", api);
            d.add(ds, uri + "#changes", "Ändringar (JSON)", "Varje tillagd, ändrad och borttagen insats hos förbundet, i ordning.",
                    iris.endpoint("changes") + "?federation=" + f.id(), "JSON", "application/json", null);
            if (f.indicators() != null) {
                d.add(ds, uri + "#indicators-json", "Resultatindikatorer (JSON)", "Förbundets resultat per insats, år och kön.",
                        iris.endpoint("api/indicators") + "?federation=" + f.id(), "JSON", "application/json", null);
                d.add(ds, uri + "#indicators-csv", "Resultatindikatorer (CSV)", "Förbundets resultat per insats, år och kön, som tabell.",
                        iris.endpoint("api/indicators") + "?federation=" + f.id() + "&format=csv", "CSV", "text/csv", null);
                d.add(ds, uri + "#indicators-cube", "Resultatindikatorer (RDF Data Cube)",
                        "Förbundets resultat per insats, år och kön, som en RDF Data Cube.",
                        iris.indicatorDataSet(f.id()), "RDF_TURTLE", "text/turtle", null)
                        .addProperty(DCTerms.conformsTo, standard(m, DATA_CUBE, "The RDF Data Cube Vocabulary"));
            }
            api.addProperty(DCAT.servesDataset, ds);
            catalog.addProperty(DCAT.dataset, ds);
        }
        guidance(m, d, catalog, publisher, contact, facts, sparql);
        usage(m, d, catalog, publisher, contact, facts);
        return m;
    }

    /**
     * Every federation's guidance articles (Vägval texts, life stories, questions and answers, situation guides):
     * one national dataset of their own, with the JSON API, the search, SPARQL and the dump as distributions.
     */
    private void guidance(Model m, Distributions d, Resource catalog, Resource publisher, Resource contact, CatalogFacts facts,
                          Resource sparql) {
        String g = iris.guidanceDataset();
        Resource guidance = dataset(m, g, "Vägledning i Insatsnavet", "Guidance in Insatsnavet",
                "Samordningsförbundens texter för den enskilde: insatser på lätt svenska (Vägval), berättelser om livet,"
                        + " vanliga frågor med svar och vägledning utifrån ens situation (Så fungerar välfärdssystemet),"
                        + " ofta också i en lättläst version.",
                "The federations' texts for the individual: services in plain Swedish (Vägval), life stories, questions"
                        + " with answers and guides starting from one's situation (how the welfare system works), often"
                        + " with an easy-to-read version too.",
                publisher, contact, "guidance")
                .addProperty(DCAT.keyword, "vägledning", "sv")
                .addProperty(DCAT.keyword, "lättläst", "sv")
                .addProperty(DCAT.keyword, "guidance", "en")
                .addProperty(DCTerms.conformsTo, standard(m, iris.endpoint("schema/article.schema.json"),
                        "Insatsnavet: JSON Schema of a guidance article"));
        facts.guidance().ifPresent(p -> d.temporal(guidance, p));
        sparql.addProperty(DCAT.servesDataset, guidance);
        d.add(guidance, g + "#json", "JSON", "Alla vägledningstexter som JSON, sidvis och med filter.",
                iris.endpoint("api/articles"), "JSON", "application/json", null);
        d.add(guidance, g + "#search", "Sökning (JSON)",
                "Vägledningstexter och insatser som svarar mot sökorden, med antal per slag.",
                iris.endpoint("api/search") + "?kind=vagval&kind=story&kind=question&kind=situation-guide",
                "JSON", "application/json", null);
        d.add(guidance, g + "#sparql", "SPARQL", "Alla vägledningstexter som länkade data (schema.org), att fråga med SPARQL 1.1.",
                iris.endpoint("sparql"), "SPARQLQ", "application/sparql-results+json", sparql);
        d.add(guidance, g + "#dump", "Dump: articles.ndjson", "Alla vägledningstexter, en JSON-rad per text.",
                iris.endpoint("dumps/articles.ndjson"), "JSON", "application/x-ndjson", null)
                .addProperty(DCAT.downloadURL, m.createResource(iris.endpoint("dumps/articles.ndjson")));
        catalog.addProperty(DCAT.dataset, guidance);
    }

    /** The anonymous usage statistics of the public pages and APIs, per day: their own dataset. */
    private void usage(Model m, Distributions d, Resource catalog, Resource publisher, Resource contact, CatalogFacts facts) {
        Resource usage = dataset(m, iris.usageDataset(), "Användningsstatistik för Insatsnavet",
                "Usage statistics of Insatsnavet",
                "Anonym statistik per dag: sökningar utan träffar, sökningar per målgrupp och kommun, vägar genom"
                        + " Hittaguiden och visade insatser. Inga kakor, inga IP-adresser.",
                "Anonymous daily statistics: searches without hits, searches per target group and municipality, paths"
                        + " through the guided finder and services viewed. No cookies, no IP addresses.",
                publisher, contact, "usage");
        facts.usageDays().ifPresent(days -> d.temporal(usage, days));
        d.add(usage, iris.usageDataset() + "#json", "Användningsstatistik (JSON)", "Statistiken per dag som JSON.",
                iris.endpoint("api/usage"), "JSON", "application/json", null);
        d.add(usage, iris.usageDataset() + "#csv", "Användningsstatistik (CSV)", "Statistiken per dag som tabell.",
                iris.endpoint("api/usage") + "?format=csv", "CSV", "text/csv", null);
        catalog.addProperty(DCAT.dataset, usage);
    }

    private static Resource dataset(Model m, String uri, String titleSv, String titleEn, String descriptionSv, String descriptionEn,
                                    Resource publisher, Resource contact, String identifier) {
        return m.createResource(uri).addProperty(RDF.type, DCAT.Dataset)
                .addProperty(DCTerms.title, titleSv, "sv").addProperty(DCTerms.title, titleEn, "en")
                .addProperty(DCTerms.description, descriptionSv, "sv").addProperty(DCTerms.description, descriptionEn, "en")
                .addProperty(DCTerms.identifier, identifier)
                .addProperty(DCTerms.publisher, publisher)
                .addProperty(DCAT.contactPoint, contact)
                .addProperty(DCTerms.language, EuVocabularies.swedish(m))
                .addProperty(DCTerms.spatial, EuVocabularies.sweden(m))
                .addProperty(DCAT.theme, EuVocabularies.populationAndSociety(m))
                .addProperty(DCAT.keyword, "insatser", "sv")
                .addProperty(DCAT.keyword, "samordningsförbund", "sv");
    }

    private static Resource service(Model m, String uri, String titleSv, String titleEn, String endpoint, String fileType,
                                    Resource publisher, Resource contact) {
        return m.createResource(uri).addProperty(RDF.type, DCAT.DataService)
                .addProperty(DCTerms.title, titleSv, "sv").addProperty(DCTerms.title, titleEn, "en")
                .addProperty(DCAT.endpointURL, m.createResource(endpoint))
                .addProperty(DCTerms.format, EuVocabularies.format(m, fileType))
                .addProperty(DCTerms.publisher, publisher)
                .addProperty(DCAT.contactPoint, contact)
                .addProperty(DCTerms.license, CC0)
                .addProperty(DCAT.theme, EuVocabularies.populationAndSociety(m))
                .addProperty(DCAT.keyword, "insatser", "sv");
    }

    private static Resource standard(Model m, String uri, String title) {
        return m.createResource(uri).addProperty(RDF.type, DCTerms.Standard).addProperty(DCTerms.title, title, "en");
    }

    private static Resource agent(Model m, String uri, String name, String type) {
        return m.createResource(uri).addProperty(RDF.type, FOAF.Agent).addProperty(FOAF.name, name, "sv")
                .addProperty(DCTerms.type, EuVocabularies.publisherType(m, type));
    }

    private static Resource contact(Model m, String uri, String name, String email) {
        // typed as vcard:Kind too: validators see the data without RDFS inference
        return m.createResource(uri).addProperty(RDF.type, VCARD4.Organization).addProperty(RDF.type, VCARD4.Kind)
                .addProperty(VCARD4.fn, name)
                .addProperty(VCARD4.hasEmail, m.createResource("mailto:" + email));
    }
}
