package io.intellisite.indexer.adapters.http;

import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** A named dependency (broker, database, pipeline) that must answer for the instance to be ready, with figures. */
public record ReadinessCheck(String name, BooleanSupplier isUp, Supplier<Map<String, Object>> details) {
    public ReadinessCheck(String name, BooleanSupplier isUp) {
        this(name, isUp, Map::of);
    }
}
