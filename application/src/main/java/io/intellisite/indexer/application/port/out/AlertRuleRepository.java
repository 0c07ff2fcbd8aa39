package io.intellisite.indexer.application.port.out;

import io.intellisite.indexer.domain.alert.AlertRule;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The record of alert rules. Each change runs {@code beforeCommit} inside its transaction and is undone when
 * that throws: the rule services publish the change there, so the record and the rules topic never disagree,
 * and two changes to one rule reach the topic in the order they were stored.
 */
public interface AlertRuleRepository {
    /** Ordered by id. */
    List<AlertRule> findAll();

    Optional<AlertRule> findById(String id);

    int count();

    /** False (and nothing run) when the id is taken. */
    boolean add(AlertRule rule, Runnable beforeCommit);

    /** False (and nothing run) when no rule has this id. */
    boolean replace(AlertRule rule, Runnable beforeCommit);

    /** False (and nothing run) when no rule has this id. */
    boolean remove(String id, Runnable beforeCommit);

    /**
     * Adds the rule only on the very first start, when no rule was ever stored: a rule deleted later does not come
     * back on the next start. True when it was added.
     */
    boolean seed(AlertRule rule, Runnable beforeCommit);

    /**
     * Runs {@code action} with every rule (ordered by id) while no change can commit: a change already under way
     * finishes first, a new one waits until the action returns. A change publishes before it commits, so outside
     * this a rule another instance is adding can be on the topic but not yet in the record, and a repair of the
     * topic from the record would delete it.
     */
    void whileNoChangeCommits(Consumer<List<AlertRule>> action);
}
