package io.intellisite.indexer.systemtests;

import io.intellisite.indexer.adapters.http.StatsApiTests;
import io.intellisite.indexer.adapters.persistence.JdbiDetectionRepository;
import io.intellisite.indexer.adapters.persistence.JdbiUserRepository;

/** The same time-series and top-N suite on the PostgreSQL adapter and a real server. */
class PostgresStatsApiTest extends StatsApiTests {
    PostgresStatsApiTest() {
        super(() -> new JdbiUserRepository(TestInfrastructure.emptyDatabase().jdbi()),
                () -> new JdbiDetectionRepository(TestInfrastructure.emptyDatabase().jdbi()));
    }
}
