package se.insatsnavet.hub;

import se.insatsnavet.hub.guidance.ArticleCatalog;
import se.insatsnavet.hub.search.ArticleIndex;
import se.insatsnavet.hub.search.ServiceIndex;
import se.insatsnavet.hub.services.ServiceCatalog;
import se.insatsnavet.hub.store.CatalogStore;
import se.insatsnavet.schema.Vocabulary;
import se.insatsnavet.schema.rdf.ArticleRdf;
import se.insatsnavet.schema.rdf.ServiceRdf;
import se.insatsnavet.schema.vocab.HubIris;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code java -jar insatsnavet.jar reindex [--data DIR] [--base-uri URI] [--sparql-store URL [--sparql-user U]]}:
 * rebuilds the search indexes (services, guidance articles) from the linked data, the TDB2 dataset in the data folder or a remote SPARQL store
 * (run it while the hub is stopped: TDB2 allows one process). Exit 0 on success.
 */
final class ReindexCommand {

    private ReindexCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Path data = Path.of("data");
        String base = HubIris.DEFAULT_BASE;
        String sparqlStore = null;
        String sparqlUser = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--data") && i + 1 < args.length) {
                data = Path.of(args[++i]);
            } else if (args[i].equals("--base-uri") && i + 1 < args.length) {
                base = args[++i];
            } else if (args[i].equals("--sparql-store") && i + 1 < args.length) {
                sparqlStore = args[++i];
            } else if (args[i].equals("--sparql-user") && i + 1 < args.length) {
                sparqlUser = args[++i];
            } else {
                err.println("usage: java -jar insatsnavet.jar reindex [--data DIR] [--base-uri URI] [--sparql-store URL [--sparql-user U]]");
                return 2;
            }
        }
        HubOptions options = HubOptions.defaults(data).withBaseUri(base).withSparqlStore(sparqlStore == null ? null
                : new HubOptions.SparqlStore(sparqlStore, sparqlUser, System.getenv("INSATSNAVET_SPARQL_PASSWORD")));
        HubIris iris = HubIris.of(options.baseUri());
        long started = System.nanoTime();
        try (CatalogStore store = options.openStore()) {
            Vocabulary vocabulary = Vocabulary.load(iris);
            ServiceRdf rdf = ServiceRdf.of(iris);
            ServiceCatalog catalog = new ServiceCatalog(store, rdf);
            try (ServiceIndex index = ServiceIndex.open(data.resolve("index").resolve("services"), vocabulary, rdf::organisationIri)) {
                index.rebuild(catalog::forEachItem);
                out.printf("Indexed %d services in %d ms%n", index.size(), (System.nanoTime() - started) / 1_000_000);
            }
            try (ArticleIndex articles = ArticleIndex.open(data.resolve("index").resolve("articles"))) {
                articles.rebuild(new ArticleCatalog(store, ArticleRdf.of(iris)));
                out.printf("Indexed %d guidance articles%n", articles.size());
            }
            return 0;
        } catch (Exception e) {
            err.println("Reindexing failed: " + e.getMessage());
            return 1;
        }
    }
}
