package io.intellisite.indexer.application.inmemory;

import io.intellisite.indexer.application.port.out.AlertRuleRepository;
import io.intellisite.indexer.domain.alert.AlertRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/** Alert rules in memory; a change runs its before-commit step first and is not made when that throws. */
public final class InMemoryAlertRuleRepository implements AlertRuleRepository {
    private final TreeMap<String, AlertRule> rules = new TreeMap<>();
    private boolean seeded;

    @Override
    public synchronized List<AlertRule> findAll() {
        return new ArrayList<>(rules.values());
    }

    @Override
    public synchronized Optional<AlertRule> findById(String id) {
        return Optional.ofNullable(rules.get(id));
    }

    @Override
    public synchronized int count() {
        return rules.size();
    }

    @Override
    public synchronized boolean add(AlertRule rule, Runnable beforeCommit) {
        if (rules.containsKey(rule.id())) {
            return false;
        }
        beforeCommit.run();
        rules.put(rule.id(), rule);
        seeded = true;
        return true;
    }

    @Override
    public synchronized boolean replace(AlertRule rule, Runnable beforeCommit) {
        if (!rules.containsKey(rule.id())) {
            return false;
        }
        beforeCommit.run();
        rules.put(rule.id(), rule);
        return true;
    }

    @Override
    public synchronized boolean remove(String id, Runnable beforeCommit) {
        if (!rules.containsKey(id)) {
            return false;
        }
        beforeCommit.run();
        rules.remove(id);
        return true;
    }

    /** Every change holds this object's lock until it is made, so holding it here lets none commit. */
    @Override
    public synchronized void whileNoChangeCommits(Consumer<List<AlertRule>> action) {
        action.accept(findAll());
    }

    @Override
    public synchronized boolean seed(AlertRule rule, Runnable beforeCommit) {
        return !seeded && add(rule, beforeCommit);
    }
}
