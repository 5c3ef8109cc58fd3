package dev.outboxstock.contract;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A record's headers, unmodifiable and in the order they were put: the order the relay sends them in. The routing
 * rule builds them once for each row it routes, and {@link RelayedRecord} keeps them as they are instead of copying.
 */
final class OrderedHeaders extends AbstractMap<String, String> {

    private final Map<String, String> headers;

    private OrderedHeaders(LinkedHashMap<String, String> headers) {
        this.headers = Collections.unmodifiableMap(headers);
    }

    /** Takes over a map its caller built and no longer changes: no copy. */
    static Map<String, String> owning(LinkedHashMap<String, String> built) {
        return new OrderedHeaders(built);
    }

    /** The headers as they are when already ordered and unmodifiable, else a copy in their iteration order. */
    static Map<String, String> of(Map<String, String> headers) {
        return headers instanceof OrderedHeaders ? headers : new OrderedHeaders(new LinkedHashMap<>(headers));
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return headers.entrySet();
    }

    @Override
    public String get(Object name) {
        return headers.get(name);
    }

    @Override
    public boolean containsKey(Object name) {
        return headers.containsKey(name);
    }

    @Override
    public int size() {
        return headers.size();
    }
}
