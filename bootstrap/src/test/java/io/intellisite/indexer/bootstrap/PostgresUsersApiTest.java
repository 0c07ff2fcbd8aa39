package io.intellisite.indexer.bootstrap;

import io.intellisite.indexer.adapters.http.UsersApiTests;
import io.intellisite.indexer.adapters.persistence.JdbiDetectionRepository;
import io.intellisite.indexer.adapters.persistence.JdbiUserRepository;
import io.intellisite.indexer.application.port.out.DetectionRepository;
import io.intellisite.indexer.application.port.out.UserRepository;

/** The same API suite as with the in-memory adapters, on the PostgreSQL adapter and a real server. */
class PostgresUsersApiTest extends UsersApiTests {
    @Override
    protected UserRepository emptyUserRepository() {
        return new JdbiUserRepository(TestInfrastructure.emptyDatabase().jdbi());
    }

    @Override
    protected DetectionRepository emptyDetectionRepository() {
        return new JdbiDetectionRepository(TestInfrastructure.emptyDatabase().jdbi());
    }
}
