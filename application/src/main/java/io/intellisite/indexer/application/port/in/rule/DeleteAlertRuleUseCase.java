package io.intellisite.indexer.application.port.in.rule;

import io.intellisite.indexer.application.port.in.Principal;

/** An admin deletes a rule; alerts already raised keep its id. */
public interface DeleteAlertRuleUseCase {
    void delete(Principal actor, String id);
}
