package org.cimforge.runtime.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** One namespace of a {@link CimInstanceStore}: its canonical name, instance count and class tables. */
final class StoreSpace {
    final String name;
    final AtomicInteger count = new AtomicInteger();
    // Keyed by lower-cased class name and by every spelling seen, all pointing at the same tables.
    final Map<String, StoreTable> tables = new ConcurrentHashMap<>();

    StoreSpace(String name) {
        this.name = name;
    }
}
