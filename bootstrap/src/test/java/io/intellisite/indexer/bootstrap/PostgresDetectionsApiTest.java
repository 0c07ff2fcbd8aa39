package io.intellisite.indexer.bootstrap;

import io.intellisite.indexer.adapters.http.DetectionsApiTests;
import io.intellisite.indexer.adapters.persistence.JdbiDetectionRepository;
import io.intellisite.indexer.adapters.persistence.JdbiUserRepository;
import io.intellisite.indexer.application.port.out.DetectionRepository;
import io.intellisite.indexer.application.port.out.UserRepository;

/** The same detections and stats suite on the PostgreSQL adapter and a real server. */
class PostgresDetectionsApiTest extends DetectionsApiTests {
    @Override
    protected UserRepository emptyUserRepository() {
        return new JdbiUserRepository(TestInfrastructure.emptyDatabase().jdbi());
    }

    @Override
    protected DetectionRepository emptyDetectionRepository() {
        return new JdbiDetectionRepository(TestInfrastructure.emptyDatabase().jdbi());
    }
}
