package se.insatsnavet.hub.services;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * One page of services: the items (canonical JSON with id, uri and federation; with the search engine also a
 * {@code snippet}), the total count and, when asked for, facet counts (dimension → value → count).
 */
public record ServicePageResult(List<ObjectNode> items, long total, int page, int perPage,
                                java.util.Map<String, java.util.Map<String, Long>> facets) {

    public ServicePageResult(List<ObjectNode> items, long total, int page, int perPage) {
        this(items, total, page, perPage, java.util.Map.of());
    }
}
