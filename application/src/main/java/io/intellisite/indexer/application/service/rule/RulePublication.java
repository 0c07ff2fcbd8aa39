package io.intellisite.indexer.application.service.rule;

import io.intellisite.indexer.application.port.in.ServiceUnavailableException;
import io.intellisite.indexer.application.port.out.AlertRulePublisher;
import io.intellisite.indexer.domain.alert.AlertRule;

/** The publication step each rule change runs inside its transaction; a failure undoes the change. */
final class RulePublication {
    static final int MAX_RULES = 1_000;

    private RulePublication() {
    }

    static Runnable of(AlertRulePublisher publisher, AlertRule rule) {
        return () -> guarded(() -> publisher.published(rule));
    }

    static Runnable removalOf(AlertRulePublisher publisher, String id) {
        return () -> guarded(() -> publisher.removed(id));
    }

    private static void guarded(Runnable publication) {
        try {
            publication.run();
        } catch (RuntimeException e) {
            throw new ServiceUnavailableException("the rule change could not be published to the pipeline; nothing was changed", e);
        }
    }
}
