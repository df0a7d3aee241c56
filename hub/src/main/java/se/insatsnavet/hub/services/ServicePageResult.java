package se.insatsnavet.hub.services;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** One page of services: the items (canonical JSON with id, uri and federation) and the total count. */
public record ServicePageResult(List<ObjectNode> items, long total, int page, int perPage) {
}
