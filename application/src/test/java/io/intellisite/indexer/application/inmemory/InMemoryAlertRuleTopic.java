package io.intellisite.indexer.application.inmemory;

import io.intellisite.indexer.application.port.out.AlertRulePublisher;
import io.intellisite.indexer.application.port.out.AlertRuleSource;
import io.intellisite.indexer.domain.alert.AlertRule;
import io.intellisite.indexer.domain.alert.AlertRules;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The rules topic and the table every instance reads from it, in one object; can be told to be unreachable. */
public final class InMemoryAlertRuleTopic implements AlertRulePublisher, AlertRuleSource {
    private final Map<String, AlertRule> table = new ConcurrentHashMap<>();
    private volatile boolean reachable = true;

    public void reachable(boolean reachable) {
        this.reachable = reachable;
    }

    @Override
    public void published(AlertRule rule) {
        requireReachable();
        table.put(rule.id(), rule);
    }

    @Override
    public void removed(String id) {
        requireReachable();
        table.remove(id);
    }

    @Override
    public synchronized void synchronise(List<AlertRule> rules) {
        requireReachable();
        table.clear();
        rules.forEach(rule -> table.put(rule.id(), rule));
    }

    @Override
    public AlertRules current() {
        return new AlertRules(List.copyOf(table.values()));
    }

    private void requireReachable() {
        if (!reachable) {
            throw new IllegalStateException("topic unreachable");
        }
    }
}
