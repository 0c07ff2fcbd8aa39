package io.intellisite.indexer.systemtests;

import io.intellisite.indexer.adapters.http.RulesApiTests;
import io.intellisite.indexer.adapters.persistence.JdbiAlertRuleRepository;
import io.intellisite.indexer.application.port.out.AlertRuleRepository;

/** The rules API suite on the PostgreSQL rule repository. */
class PostgresRulesApiTest extends RulesApiTests {
    @Override
    protected AlertRuleRepository emptyRules() {
        return new JdbiAlertRuleRepository(TestInfrastructure.emptyDatabase().jdbi());
    }
}
