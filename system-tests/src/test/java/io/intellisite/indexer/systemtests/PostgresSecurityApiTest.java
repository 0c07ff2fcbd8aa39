package io.intellisite.indexer.systemtests;

import io.intellisite.indexer.adapters.http.SecurityApiTests;
import io.intellisite.indexer.adapters.persistence.JdbiAlertRuleRepository;
import io.intellisite.indexer.adapters.persistence.JdbiDetectionRepository;
import io.intellisite.indexer.adapters.persistence.JdbiUserRepository;
import io.intellisite.indexer.application.port.out.AlertRuleRepository;

/** The hostile-input set on PostgreSQL, where an injection would matter. */
class PostgresSecurityApiTest extends SecurityApiTests {
    PostgresSecurityApiTest() {
        super(() -> new JdbiUserRepository(TestInfrastructure.emptyDatabase().jdbi()),
                () -> new JdbiDetectionRepository(TestInfrastructure.emptyDatabase().jdbi()));
    }

    @Override
    protected AlertRuleRepository emptyRules() {
        // Emptied already with the users; emptying it again here would remove the first admin.
        return new JdbiAlertRuleRepository(TestInfrastructure.database().jdbi());
    }
}
