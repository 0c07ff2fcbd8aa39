package io.intellisite.indexer.systemtests;

import io.intellisite.indexer.adapters.http.UsersApiTests;
import io.intellisite.indexer.adapters.persistence.JdbiDetectionRepository;
import io.intellisite.indexer.adapters.persistence.JdbiUserRepository;

/** The same API suite as with the in-memory adapters, on the PostgreSQL adapter and a real server. */
class PostgresUsersApiTest extends UsersApiTests {
    PostgresUsersApiTest() {
        super(() -> new JdbiUserRepository(TestInfrastructure.emptyDatabase().jdbi()),
                () -> new JdbiDetectionRepository(TestInfrastructure.emptyDatabase().jdbi()));
    }
}
