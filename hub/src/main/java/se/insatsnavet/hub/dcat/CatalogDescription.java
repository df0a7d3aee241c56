package se.insatsnavet.hub.dcat;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.VCARD4;
import se.insatsnavet.connectors.descriptor.FederationDescriptor;
import se.insatsnavet.schema.vocab.HubIris;

import java.util.Collection;

/**
 * The hub's DCAT-AP 3 catalogue: the national dataset and one dataset per federation, each with its
 * distributions (the JSON API, the SPARQL endpoint, the change feed), a {@code dcat:DataService} for the
 * SPARQL endpoint and the JSON API, licence (CC0 1.0), publishers with a type, contact points with name
 * and e-mail, no blank nodes and absolute IRIs (DCAT-AP-SE's rules).
 */
public final class CatalogDescription {

    /** EU vocabularies used by DCAT-AP for formats, publisher types, languages. */
    static final String FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/";
    static final String LANGUAGE = "http://publications.europa.eu/resource/authority/language/";
    static final String PUBLISHER_TYPE = "http://purl.org/adms/publishertype/";
    static final String DATA_THEME = "http://publications.europa.eu/resource/authority/data-theme";
    static final String IANA = "https://www.iana.org/assignments/media-types/";
    static final String SPDX = "http://spdx.org/rdf/terms#";
    /** Open Referral HSDS, the standard the HSDS API and the tabular package conform to. */
    static final String HSDS = "https://docs.openreferral.org/en/latest/hsds/";
    /** The Linked Data Event Streams specification, which /ldes conforms to. */
    static final String LDES_SPEC = "https://w3id.org/ldes/specification";
    /** The W3C RDF Data Cube vocabulary, which the indicator data sets conform to. */
    static final String DATA_CUBE = "http://www.w3.org/TR/vocab-data-cube/";
    static final Resource CC0 = ResourceFactory.createResource("http://creativecommons.org/publicdomain/zero/1.0/");

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
        return build(federations, java.util.List.of());
    }

    /** The catalogue, with the current bulk dumps as distributions of the national dataset (size and checksum). */
    public Model build(Collection<FederationDescriptor> federations, java.util.List<se.insatsnavet.hub.dumps.Dumps.DumpInfo> dumps) {
        return build(federations, dumps, java.util.List.of());
    }

    /**
     * The catalogue, with the dumps and the extra representations of services (feed-format plugins) as
     * distributions of the national dataset.
     */
    public Model build(Collection<FederationDescriptor> federations, java.util.List<se.insatsnavet.hub.dumps.Dumps.DumpInfo> dumps,
                       java.util.List<se.insatsnavet.hub.linkeddata.ExtraFormats.Format> extraFormats) {
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefix("dcat", DCAT.NS).setNsPrefix("dct", DCTerms.NS).setNsPrefix("foaf", FOAF.NS)
                .setNsPrefix("vcard", VCARD4.NS);
        Resource publisher = agent(m, iris.organisation("insatsnavet"), hubName, "NationalAuthority");
        Resource contact = contact(m, iris.catalogPart("contact"), hubName, hubEmail);
        m.createResource(CC0.getURI()).addProperty(RDF.type, DCTerms.LicenseDocument);

        Resource catalog = m.createResource(iris.catalog()).addProperty(RDF.type, DCAT.Catalog)
                .addProperty(DCTerms.title, "Insatsnavet – nationell katalog över insatser", "sv")
                .addProperty(DCTerms.title, "Insatsnavet – national catalogue of welfare services", "en")
                .addProperty(DCTerms.description, "Insatser för personer långt från arbete eller studier, från Sveriges samordningsförbund, som länkade öppna data.", "sv")
                .addProperty(DCTerms.description, "Services for people far from work or studies, from Sweden's coordination federations, as linked open data.", "en")
                .addProperty(DCTerms.publisher, publisher)
                .addProperty(DCAT.contactPoint, contact)
                .addProperty(DCTerms.license, CC0)
                .addProperty(FOAF.homepage, m.createResource(iris.base()).addProperty(RDF.type, FOAF.Document))
                .addProperty(DCTerms.language, language(m))
                .addProperty(DCAT.themeTaxonomy, theme(m).getPropertyResourceValue(org.apache.jena.vocabulary.SKOS.inScheme));

        Resource sparql = service(m, iris.catalogPart("sparql"), "SPARQL-ändpunkt", "SPARQL endpoint",
                iris.endpoint("sparql"), "SPARQLQ", publisher, contact);
        Resource api = service(m, iris.catalogPart("api"), "JSON-API för insatser", "JSON API of services",
                iris.endpoint("api/services"), "JSON", publisher, contact);
        Resource hsdsStandard = m.createResource(HSDS).addProperty(RDF.type, DCTerms.Standard)
                .addProperty(DCTerms.title, "Open Referral Human Services Data Specification 3.1", "en");
        Resource hsds = service(m, iris.catalogPart("hsds"), "HSDS-API (Open Referral)", "HSDS API (Open Referral)",
                iris.endpoint("hsds/"), "JSON", publisher, contact)
                .addProperty(DCTerms.conformsTo, hsdsStandard)
                .addProperty(DCAT.endpointDescription, m.createResource(iris.endpoint("openapi.json")));
        catalog.addProperty(DCAT.service, sparql).addProperty(DCAT.service, api).addProperty(DCAT.service, hsds);

        Resource national = dataset(m, iris.nationalDataset(), "Alla insatser i Insatsnavet", "All services in Insatsnavet",
                "Alla samordningsförbunds insatser i en gemensam, länkad struktur (CPSV-AP 3).",
                "Every federation's services in one linked structure (CPSV-AP 3).", publisher, contact, "national");
        sparql.addProperty(DCAT.servesDataset, national);
        api.addProperty(DCAT.servesDataset, national);
        hsds.addProperty(DCAT.servesDataset, national);
        distribution(m, national, iris.nationalDataset() + "#sparql", "SPARQL", iris.endpoint("sparql"), "SPARQLQ",
                "application/sparql-results+json", sparql);
        distribution(m, national, iris.nationalDataset() + "#json", "JSON", iris.endpoint("api/services"), "JSON",
                "application/json", api);
        distribution(m, national, iris.nationalDataset() + "#changes", "Ändringar (JSON)", iris.endpoint("changes"), "JSON",
                "application/json", null);
        distribution(m, national, iris.nationalDataset() + "#coverage-json", "Täckning per kommun (JSON)",
                iris.endpoint("api/coverage"), "JSON", "application/json", null);
        distribution(m, national, iris.nationalDataset() + "#coverage-csv", "Täckning per kommun och målgrupp (CSV)",
                iris.endpoint("api/coverage") + "?format=csv", "CSV", "text/csv", null);
        distribution(m, national, iris.nationalDataset() + "#indicators-json", "Resultatindikatorer per insats (JSON)",
                iris.endpoint("api/indicators"), "JSON", "application/json", null);
        distribution(m, national, iris.nationalDataset() + "#indicators-csv", "Resultatindikatorer per insats (CSV)",
                iris.endpoint("api/indicators") + "?format=csv", "CSV", "text/csv", null);
        distribution(m, national, iris.nationalDataset() + "#ldes", "Linked Data Event Stream", iris.endpoint("ldes"),
                "RDF_TURTLE", "text/turtle", null);
        m.getResource(iris.nationalDataset() + "#ldes").addProperty(DCTerms.conformsTo,
                m.createResource(LDES_SPEC).addProperty(RDF.type, DCTerms.Standard));
        for (se.insatsnavet.hub.dumps.Dumps.DumpInfo dump : dumps) {
            String uri = iris.nationalDataset() + "#dump-" + dump.name().replaceAll("[^A-Za-z0-9_-]", "-");
            String fileType = dump.name().endsWith(".nq.gz") ? "NQUAD" : dump.name().endsWith(".ttl") ? "RDF_TURTLE"
                    : dump.name().endsWith(".zip") ? "ZIP" : "JSON";
            distribution(m, national, uri, "Dump: " + dump.name(), iris.endpoint("dumps/" + dump.name()), fileType,
                    dump.mediaType(), null);
            Resource d = m.getResource(uri);
            d.addProperty(DCAT.downloadURL, m.createResource(iris.endpoint("dumps/" + dump.name())));
            d.addLiteral(DCAT.byteSize, m.createTypedLiteral(java.math.BigInteger.valueOf(dump.bytes()),
                    org.apache.jena.datatypes.xsd.XSDDatatype.XSDnonNegativeInteger));
            Resource checksum = m.createResource(uri + "-checksum")
                    .addProperty(RDF.type, m.createResource(SPDX + "Checksum"))
                    .addProperty(m.createProperty(SPDX + "algorithm"), m.createResource(SPDX + "checksumAlgorithm_sha256")
                            .addProperty(RDF.type, m.createResource(SPDX + "ChecksumAlgorithm")))
                    .addProperty(m.createProperty(SPDX + "checksumValue"), m.createTypedLiteral(dump.sha256(),
                            org.apache.jena.datatypes.xsd.XSDDatatype.XSDhexBinary));
            d.addProperty(m.createProperty(SPDX + "checksum"), checksum);
            if (dump.name().equals("hsds.zip")) {
                d.addProperty(DCTerms.conformsTo, hsdsStandard);
            }
        }
        for (se.insatsnavet.hub.linkeddata.ExtraFormats.Format f : extraFormats) {
            String uri = iris.nationalDataset() + "#format-" + f.name();
            distribution(m, national, uri, f.title() + " (per insats: ?format=" + f.name() + ")", iris.base() + "id/service/",
                    FILE_TYPES_BY_MEDIA_TYPE.getOrDefault(f.mediaType(), "BIN"), f.mediaType(), null);
            m.getResource(uri).addProperty(DCTerms.description, "Each service's URI also serves this representation, by"
                    + " ?format=" + f.name() + " or Accept: " + f.mediaType() + " (a feed-format plugin).", "en");
        }
        catalog.addProperty(DCAT.dataset, national);

        for (FederationDescriptor f : federations) {
            String name = f.name().getOrDefault("sv", f.id());
            Resource federationAgent = agent(m, iris.organisation(f.id()), name, "RegionalAuthority");
            Resource federationContact = f.contact() != null && f.contact().email() != null
                    ? contact(m, iris.federationDataset(f.id()) + "#contact",
                            f.contact().name() != null ? f.contact().name() : name, f.contact().email())
                    : contact;
            Resource ds = dataset(m, iris.federationDataset(f.id()), "Insatser från " + name, "Services of " + name,
                    "De insatser " + name + " publicerar.", "The services " + name + " publishes.",
                    federationAgent, federationContact, f.id());
            distribution(m, ds, iris.federationDataset(f.id()) + "#json", "JSON", iris.endpoint("api/services") + "?federation=" + f.id(),
                    "JSON", "application/json", api);
            distribution(m, ds, iris.federationDataset(f.id()) + "#changes", "Ändringar (JSON)",
                    iris.endpoint("changes") + "?federation=" + f.id(), "JSON", "application/json", null);
            if (f.indicators() != null) {
                distribution(m, ds, iris.federationDataset(f.id()) + "#indicators-json", "Resultatindikatorer (JSON)",
                        iris.endpoint("api/indicators") + "?federation=" + f.id(), "JSON", "application/json", null);
                distribution(m, ds, iris.federationDataset(f.id()) + "#indicators-csv", "Resultatindikatorer (CSV)",
                        iris.endpoint("api/indicators") + "?federation=" + f.id() + "&format=csv", "CSV", "text/csv", null);
                distribution(m, ds, iris.federationDataset(f.id()) + "#indicators-cube", "Resultatindikatorer (RDF Data Cube)",
                        iris.indicatorDataSet(f.id()), "RDF_TURTLE", "text/turtle", null);
                m.getResource(iris.federationDataset(f.id()) + "#indicators-cube").addProperty(DCTerms.conformsTo,
                        m.createResource(DATA_CUBE).addProperty(RDF.type, DCTerms.Standard));
            }
            api.addProperty(DCAT.servesDataset, ds);
            catalog.addProperty(DCAT.dataset, ds);
        }
        usage(m, catalog, publisher, contact);
        return m;
    }

    /** The anonymous usage statistics of the public pages and APIs, per day: their own dataset. */
    private void usage(Model m, Resource catalog, Resource publisher, Resource contact) {
        Resource usage = dataset(m, iris.usageDataset(), "Användningsstatistik för Insatsnavet",
                "Usage statistics of Insatsnavet",
                "Anonym statistik per dag: sökningar utan träffar, sökningar per målgrupp och kommun, vägar genom"
                        + " Hittaguiden och visade insatser. Inga kakor, inga IP-adresser.",
                "Anonymous daily statistics: searches without hits, searches per target group and municipality, paths"
                        + " through the guided finder and services viewed. No cookies, no IP addresses.",
                publisher, contact, "usage");
        distribution(m, usage, iris.usageDataset() + "#json", "Användningsstatistik (JSON)", iris.endpoint("api/usage"),
                "JSON", "application/json", null);
        distribution(m, usage, iris.usageDataset() + "#csv", "Användningsstatistik (CSV)",
                iris.endpoint("api/usage") + "?format=csv", "CSV", "text/csv", null);
        catalog.addProperty(DCAT.dataset, usage);
    }

    private Resource dataset(Model m, String uri, String titleSv, String titleEn, String descriptionSv, String descriptionEn,
                             Resource publisher, Resource contact, String identifier) {
        return m.createResource(uri).addProperty(RDF.type, DCAT.Dataset)
                .addProperty(DCTerms.title, titleSv, "sv").addProperty(DCTerms.title, titleEn, "en")
                .addProperty(DCTerms.description, descriptionSv, "sv").addProperty(DCTerms.description, descriptionEn, "en")
                .addProperty(DCTerms.identifier, identifier)
                .addProperty(DCTerms.publisher, publisher)
                .addProperty(DCAT.contactPoint, contact)
                .addProperty(DCTerms.language, language(m))
                .addProperty(DCAT.theme, theme(m));
    }

    /** The EU data theme of every dataset here: Population and society (SOCI). */
    private static Resource theme(Model m) {
        return inScheme(m.createResource(DATA_THEME + "/SOCI")
                        .addProperty(org.apache.jena.vocabulary.SKOS.prefLabel, "Befolkning och samhälle", "sv")
                        .addProperty(org.apache.jena.vocabulary.SKOS.prefLabel, "Population and society", "en"),
                DATA_THEME, "Data themes");
    }

    private void distribution(Model m, Resource dataset, String uri, String title, String accessUrl, String fileType,
                              String mediaType, Resource service) {
        Resource d = m.createResource(uri).addProperty(RDF.type, DCAT.Distribution)
                .addProperty(DCTerms.title, title, "sv")
                .addProperty(DCAT.accessURL, m.createResource(accessUrl))
                .addProperty(DCTerms.format, format(m, fileType))
                .addProperty(DCAT.mediaType, m.createResource(IANA + mediaType).addProperty(RDF.type, DCTerms.MediaType))
                .addProperty(DCTerms.license, CC0);
        if (service != null) {
            d.addProperty(DCAT.accessService, service);
        }
        dataset.addProperty(DCAT.distribution, d);
    }

    private Resource service(Model m, String uri, String titleSv, String titleEn, String endpoint, String fileType,
                             Resource publisher, Resource contact) {
        return m.createResource(uri).addProperty(RDF.type, DCAT.DataService)
                .addProperty(DCTerms.title, titleSv, "sv").addProperty(DCTerms.title, titleEn, "en")
                .addProperty(DCAT.endpointURL, m.createResource(endpoint))
                .addProperty(DCTerms.format, format(m, fileType))
                .addProperty(DCTerms.publisher, publisher)
                .addProperty(DCAT.contactPoint, contact)
                .addProperty(DCTerms.license, CC0);
    }

    private static Resource agent(Model m, String uri, String name, String type) {
        Resource publisherType = inScheme(m.createResource(PUBLISHER_TYPE + type), PUBLISHER_TYPE + "1.0", "Publisher types")
                .addProperty(org.apache.jena.vocabulary.SKOS.prefLabel, type.replaceAll("([a-z])([A-Z])", "$1 $2"), "en");
        return m.createResource(uri).addProperty(RDF.type, FOAF.Agent).addProperty(FOAF.name, name, "sv")
                .addProperty(DCTerms.type, publisherType);
    }

    private static Resource contact(Model m, String uri, String name, String email) {
        // typed as vcard:Kind too: validators see the data without RDFS inference
        return m.createResource(uri).addProperty(RDF.type, VCARD4.Organization).addProperty(RDF.type, VCARD4.Kind)
                .addProperty(VCARD4.fn, name)
                .addProperty(VCARD4.hasEmail, m.createResource("mailto:" + email));
    }

    /**
     * Types a code of an EU (or ADMS) controlled vocabulary as a {@code skos:Concept} of its scheme, as the
     * DCAT-AP mdr-vocabularies shapes expect.
     */
    private static Resource inScheme(Resource code, String scheme, String schemeTitle) {
        Model m = code.getModel();
        return code.addProperty(RDF.type, org.apache.jena.vocabulary.SKOS.Concept)
                .addProperty(org.apache.jena.vocabulary.SKOS.inScheme, m.createResource(scheme)
                        .addProperty(RDF.type, org.apache.jena.vocabulary.SKOS.ConceptScheme)
                        .addProperty(DCTerms.title, schemeTitle, "en"));
    }

    /** EU file types of the media types feed-format plugins may offer (others: BIN). */
    private static final java.util.Map<String, String> FILE_TYPES_BY_MEDIA_TYPE = java.util.Map.of(
            "text/csv", "CSV", "application/json", "JSON", "application/ld+json", "JSON_LD", "application/xml", "XML",
            "text/xml", "XML", "text/html", "HTML", "text/plain", "TXT", "text/calendar", "ICS");

    /** English labels of the EU file types used (the authority table's own labels). */
    private static final java.util.Map<String, String> FILE_TYPE_LABELS = java.util.Map.of(
            "JSON", "JSON", "RDF_TURTLE", "RDF Turtle", "NQUAD", "N-Quads", "SPARQLQ", "SPARQL Query",
            "ZIP", "ZIP", "RDF_XML", "RDF/XML", "JSON_LD", "JSON-LD", "CSV", "CSV", "BIN", "Binary data");

    private static Resource format(Model m, String fileType) {
        return inScheme(m.createResource(FILE_TYPE + fileType).addProperty(RDF.type, DCTerms.MediaTypeOrExtent)
                        .addProperty(org.apache.jena.vocabulary.SKOS.prefLabel, FILE_TYPE_LABELS.getOrDefault(fileType, fileType), "en"),
                FILE_TYPE.substring(0, FILE_TYPE.length() - 1), "File types");
    }

    private static Resource language(Model m) {
        return inScheme(m.createResource(LANGUAGE + "SWE").addProperty(RDF.type, DCTerms.LinguisticSystem)
                        .addProperty(org.apache.jena.vocabulary.SKOS.prefLabel, "svenska", "sv")
                        .addProperty(org.apache.jena.vocabulary.SKOS.prefLabel, "Swedish", "en"),
                LANGUAGE.substring(0, LANGUAGE.length() - 1), "Languages");
    }

}
