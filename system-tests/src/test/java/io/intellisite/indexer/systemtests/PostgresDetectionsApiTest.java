package io.intellisite.indexer.systemtests;

import io.intellisite.indexer.adapters.http.DetectionsApiTests;
import io.intellisite.indexer.adapters.persistence.JdbiDetectionRepository;
import io.intellisite.indexer.adapters.persistence.JdbiUserRepository;

/** The same detections and stats suite on the PostgreSQL adapter and a real server. */
class PostgresDetectionsApiTest extends DetectionsApiTests {
    PostgresDetectionsApiTest() {
        super(() -> new JdbiUserRepository(TestInfrastructure.emptyDatabase().jdbi()),
                () -> new JdbiDetectionRepository(TestInfrastructure.emptyDatabase().jdbi()));
    }
}
