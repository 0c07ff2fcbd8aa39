package io.intellisite.indexer.application.port.in.rule;

import io.intellisite.indexer.application.port.in.Principal;
import io.intellisite.indexer.domain.alert.AlertRule;
import java.util.List;

/** Any authenticated caller reads the rules, all of them (ordered by id) or one. */
public interface ListAlertRulesUseCase {
    List<AlertRule> list(Principal actor);

    AlertRule get(Principal actor, String id);
}
