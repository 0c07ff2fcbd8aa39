package io.intellisite.indexer.adapters.http;

/** The time-series and top-N suite with the in-memory repositories swapped in. */
class InMemoryStatsApiTest extends StatsApiTests {
}
