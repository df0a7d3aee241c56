package se.insatsnavet.hub.guidance;

import se.insatsnavet.hub.dumps.DumpFormat;
import se.insatsnavet.hub.http.Responses;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code /dumps/articles.ndjson}: every published guidance article, one JSON object a line (the same item as
 * {@code /api/articles}), ordered by title. Written with the other dumps after each run that changed the catalogue.
 */
public final class ArticlesDump implements DumpFormat {

    private final ArticleCatalog catalog;

    public ArticlesDump(ArticleCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public String name() {
        return "articles.ndjson";
    }

    @Override
    public String mediaType() {
        return "application/x-ndjson";
    }

    @Override
    public void write(OutputStream out) throws IOException {
        int offset = 0;
        while (true) {
            List<Article> page = catalog.find(ArticleCatalog.Filter.ALL, ArticleCatalog.MAX_LIMIT, offset);
            for (Article a : page) {
                out.write(Responses.JSON.writeValueAsString(catalog.item(a)).getBytes(StandardCharsets.UTF_8));
                out.write('\n');
            }
            if (page.size() < ArticleCatalog.MAX_LIMIT) {
                return;
            }
            offset += page.size();
        }
    }
}
