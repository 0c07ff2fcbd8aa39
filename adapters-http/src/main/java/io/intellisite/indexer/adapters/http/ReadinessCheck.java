package io.intellisite.indexer.adapters.http;

import java.util.function.BooleanSupplier;

/** A named dependency (broker, database) that must answer for the instance to be ready. */
public record ReadinessCheck(String name, BooleanSupplier isUp) {
}
