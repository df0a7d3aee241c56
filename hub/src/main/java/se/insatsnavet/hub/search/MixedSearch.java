package se.insatsnavet.hub.search;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import se.insatsnavet.hub.http.Responses;
import se.insatsnavet.hub.services.ServiceCatalog;
import se.insatsnavet.hub.services.ServiceFilter;
import se.insatsnavet.hub.services.ServicePageResult;
import se.insatsnavet.hub.services.StatusFilter;
import se.insatsnavet.schema.vocab.HubIris;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Services and guidance articles found by the same words, as one list: the matching articles first (best first),
 * then the matching current services (best first, as {@code /api/services} ranks them), paged over the two.
 * Relevance scores of two indexes are not comparable, so they are not interleaved; guidance comes first as on
 * Hittaguiden. The facet counts every hit per kind for the words, whatever kinds were asked for. Blocking.
 */
public final class MixedSearch {

    /** The kind of a service hit; the article kinds are {@link ArticleIndex#KINDS}. */
    public static final String SERVICE = "service";
    /** Every kind a search may ask for. */
    public static final List<String> KINDS = kinds();
    public static final int MAX_PER_PAGE = 100;
    /** Deepest hit a page may reach (paging is bounded). */
    public static final int MAX_OFFSET = 10_000;

    private final ServiceCatalog services;
    private final ArticleIndex articles;
    private final HubIris iris;

    public MixedSearch(ServiceCatalog services, ArticleIndex articles, HubIris iris) {
        this.services = services;
        this.articles = articles;
        this.iris = iris;
    }

    /** One question: words (none: everything), kinds (empty: every kind), a 1-based page of {@code perPage}. */
    public record Question(List<String> words, Set<String> kinds, int page, int perPage) {
        public Question {
            words = List.copyOf(words);
            kinds = Set.copyOf(kinds);
            if (page < 1 || perPage < 1 || perPage > MAX_PER_PAGE || (long) (page - 1) * perPage > MAX_OFFSET) {
                throw new IllegalArgumentException("page or perPage out of bounds");
            }
        }

        int offset() {
            return (page - 1) * perPage;
        }
    }

    /** The answer: {@code total}, {@code page}, {@code perPage}, {@code items} (each with a {@code kind}), {@code facets.kind}. */
    public ObjectNode search(Question q) {
        List<String> articleKinds = q.kinds().stream().filter(k -> !SERVICE.equals(k)).toList();
        boolean wantArticles = q.kinds().isEmpty() || !articleKinds.isEmpty();
        boolean wantServices = q.kinds().isEmpty() || q.kinds().contains(SERVICE);
        int offset = q.offset();
        ArticleIndex.Hits found = articles.search(q.words(), articleKinds, offset, q.perPage());
        long articleTotal = wantArticles ? found.total() : 0;
        List<ObjectNode> items = new ArrayList<>();
        if (wantArticles) {
            for (ObjectNode a : found.items()) {
                a.put("iri", iris.article(a.path("id").asText()));
                a.put("page", "/vagledning/" + a.path("federation").asText() + "/" + a.path("localId").asText());
                items.add(a);
            }
        }
        // the services' count (for the facet) and the services of this page, after the articles
        ServicePageResult first = services.search(filter(q.words(), 1, Math.min(q.perPage(), ServiceFilter.MAX_PER_PAGE)), false, false);
        long serviceTotal = first.total();
        if (wantServices && items.size() < q.perPage()) {
            long from = Math.max(0, offset - articleTotal);
            int wanted = q.perPage() - items.size();
            items.addAll(services(q.words(), (int) from, wanted, first));
        }
        ObjectNode body = Responses.object();
        body.put("total", articleTotal + (wantServices ? serviceTotal : 0));
        body.put("page", q.page()).put("perPage", q.perPage());
        ArrayNode list = body.putArray("items");
        items.forEach(list::add);
        ObjectNode kind = body.putObject("facets").putObject("kind");
        kind.put(SERVICE, serviceTotal);
        found.kinds().forEach(kind::put);
        return body;
    }

    /** {@code count} services from the {@code from}th (0-based), read as at most two pages of the same size. */
    private List<ObjectNode> services(List<String> words, int from, int count, ServicePageResult firstPage) {
        int size = pageSize(count);
        List<ObjectNode> out = new ArrayList<>();
        int page = from / size + 1;
        int skip = from % size;
        while (out.size() < count) {
            ServicePageResult result = page == 1 && size == firstPage.perPage() ? firstPage : services.search(filter(words, page, size), false, false);
            List<ObjectNode> items = result.items();
            for (int i = skip; i < items.size() && out.size() < count; i++) {
                out.add(serviceHit(items.get(i)));
            }
            if (items.size() < size) {
                break;
            }
            page++;
            skip = 0;
        }
        return out;
    }

    private static int pageSize(int count) {
        return Math.max(1, Math.min(count, ServiceFilter.MAX_PER_PAGE));
    }

    private static ServiceFilter filter(List<String> words, int page, int perPage) {
        return new ServiceFilter(words, null, null, null, page, perPage,
                new ServiceFilter.More(null, null, null, null, StatusFilter.CURRENT));
    }

    private static ObjectNode serviceHit(ObjectNode service) {
        ObjectNode o = Responses.object();
        o.put("id", service.path("id").asText()).put("federation", service.path("federation").asText()).put("kind", SERVICE);
        o.put("title", service.path("title").path("sv").asText(service.path("title").elements().hasNext()
                ? service.path("title").elements().next().asText() : ""));
        String description = service.path("description").path("sv").asText("").replaceAll("\\s+", " ").strip();
        if (!description.isEmpty()) {
            o.put("summary", description.length() <= 240 ? description : description.substring(0, 239).strip() + "…");
        }
        o.put("iri", service.path("uri").asText());
        o.put("page", service.path("uri").asText());
        return o;
    }

    private static List<String> kinds() {
        List<String> k = new ArrayList<>();
        k.add(SERVICE);
        k.addAll(ArticleIndex.KINDS);
        return List.copyOf(k);
    }
}
