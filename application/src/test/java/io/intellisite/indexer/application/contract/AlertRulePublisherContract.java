package io.intellisite.indexer.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.intellisite.indexer.application.port.out.AlertRulePublisher;
import io.intellisite.indexer.application.port.out.AlertRuleSource;
import io.intellisite.indexer.domain.alert.AlertRule;
import io.intellisite.indexer.domain.alert.AlertRules;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What publishing rule changes must achieve: every running instance's rule table follows them, and an
 * instance started later starts with them. Run against the in-memory topic and the Kafka topic + global store.
 */
public abstract class AlertRulePublisherContract {
    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private AlertRulePublisher publisher;
    private List<AlertRuleSource> instances;

    /** A publisher onto a fresh, empty topic. */
    protected abstract AlertRulePublisher publisher();

    /** The rule tables of the running instances (at least two) that read what {@link #publisher()} writes. */
    protected abstract List<AlertRuleSource> runningInstances();

    /** The rule table of one more instance, started now. */
    protected abstract AlertRuleSource startAnotherInstance();

    @BeforeEach
    void setUp() {
        publisher = publisher();
        instances = runningInstances();
    }

    /** What the failure of a wait should say of an instance beyond its rules (a real pipeline: its state). */
    protected String describe(AlertRuleSource instance) {
        return "";
    }

    private void awaitRules(AlertRuleSource instance, List<AlertRule> expected) {
        AlertRules wanted = new AlertRules(expected);
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!instance.current().equals(wanted) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        assertEquals(wanted, instance.current(), () -> "after " + PATIENCE.toSeconds() + " s; " + describe(instance));
    }

    @Test
    void everyRunningInstanceFollowsEachChange() {
        AlertRule a = AlertRuleRepositoryContract.rule("a", true);
        AlertRule b = AlertRuleRepositoryContract.rule("b", true);
        publisher.published(a);
        publisher.published(b);
        instances.forEach(i -> awaitRules(i, List.of(a, b)));
        AlertRule disabledA = AlertRuleRepositoryContract.rule("a", false);
        publisher.published(disabledA);
        publisher.removed("b");
        instances.forEach(i -> awaitRules(i, List.of(disabledA)));
    }

    @Test
    void anInstanceStartedLaterStartsWithTheRulesInForce() {
        AlertRule a = AlertRuleRepositoryContract.rule("a", true);
        publisher.published(a);
        publisher.published(AlertRuleRepositoryContract.rule("gone", true));
        publisher.removed("gone");
        instances.forEach(i -> awaitRules(i, List.of(a)));
        awaitRules(startAnotherInstance(), List.of(a));
    }

    @Test
    void synchronisingMakesEveryInstanceHoldExactlyTheRecord() {
        publisher.published(AlertRuleRepositoryContract.rule("stale", true));
        publisher.published(AlertRuleRepositoryContract.rule("kept", true));
        List<AlertRule> record = List.of(AlertRuleRepositoryContract.rule("kept", false), AlertRuleRepositoryContract.rule("new", true));
        publisher.synchronise(record);
        instances.forEach(i -> awaitRules(i, record));
    }
}
