package io.intellisite.indexer.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intellisite.indexer.application.port.out.AlertRuleRepository;
import io.intellisite.indexer.domain.alert.AlertRule;
import io.intellisite.indexer.domain.alert.RuleConditions;
import io.intellisite.indexer.domain.alert.RuleWindow;
import io.intellisite.indexer.domain.alert.RuleWindows;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link AlertRuleRepository} must do; run against the in-memory and the PostgreSQL adapter. */
public abstract class AlertRuleRepositoryContract {
    private static final Runnable NOTHING = () -> { };
    private static final Runnable FAILING = () -> {
        throw new IllegalStateException("publication failed");
    };
    protected AlertRuleRepository repository;

    /** A fresh, empty repository on which no rule was ever seeded. */
    protected abstract AlertRuleRepository emptyRepository();

    public static AlertRule rule(String id, boolean enabled) {
        return new AlertRule(id, "Rule " + id, enabled, RuleConditions.fromMap(Map.of("make", List.of("Toyota", "Lexus"),
                "model", Map.of("contains", "cruiser"), "year", Map.of("from", 2000), "category", List.of("SUV"))));
    }

    @BeforeEach
    void setUp() {
        repository = emptyRepository();
    }

    @Test
    void keepsEveryFieldOfARuleAndListsThemById() {
        assertEquals(List.of(), repository.findAll());
        assertTrue(repository.add(rule("b", true), NOTHING));
        assertTrue(repository.add(rule("a", false), NOTHING));
        assertEquals(List.of(rule("a", false), rule("b", true)), repository.findAll());
        assertEquals(Optional.of(rule("b", true)), repository.findById("b"));
        assertEquals(Optional.empty(), repository.findById("c"));
        assertEquals(2, repository.count());
    }

    @Test
    void keepsARulesWindowAndItsRemoval() {
        RuleWindow window = RuleWindows.fromMap(Map.of("count", 3, "within", "PT1M", "groupBy", "category", "grace", "PT5S"));
        AlertRule windowed = new AlertRule("w", "bursts", true, rule("w", true).conditions(), window);
        assertTrue(repository.add(windowed, NOTHING));
        assertEquals(Optional.of(windowed), repository.findById("w"));
        assertTrue(repository.replace(rule("w", true), NOTHING));
        assertEquals(Optional.of(rule("w", true)), repository.findById("w"));
        assertTrue(repository.replace(windowed, NOTHING));
        assertEquals(List.of(windowed), repository.findAll());
    }

    @Test
    void replacesAndRemovesOnlyWhatExists() {
        repository.add(rule("a", true), NOTHING);
        assertFalse(repository.add(rule("a", false), NOTHING));
        assertTrue(repository.replace(rule("a", false), NOTHING));
        assertEquals(Optional.of(rule("a", false)), repository.findById("a"));
        assertFalse(repository.replace(rule("x", true), FAILING));
        assertTrue(repository.remove("a", NOTHING));
        assertFalse(repository.remove("a", FAILING));
        assertEquals(List.of(), repository.findAll());
    }

    @Test
    void aChangeWhosePublicationFailsIsNotKept() {
        repository.add(rule("a", true), NOTHING);
        assertThrows(IllegalStateException.class, () -> repository.add(rule("b", true), FAILING));
        assertThrows(IllegalStateException.class, () -> repository.replace(rule("a", false), FAILING));
        assertThrows(IllegalStateException.class, () -> repository.remove("a", FAILING));
        assertEquals(List.of(rule("a", true)), repository.findAll());
    }

    @Test
    void runsThePublicationOncePerChange() {
        AtomicInteger runs = new AtomicInteger();
        repository.add(rule("a", true), runs::incrementAndGet);
        repository.replace(rule("a", false), runs::incrementAndGet);
        repository.remove("a", runs::incrementAndGet);
        assertEquals(3, runs.get());
    }

    @Test
    void seedsOnlyOnTheFirstStartEvenAfterTheSeedWasDeleted() {
        assertThrows(IllegalStateException.class, () -> repository.seed(rule("seed", true), FAILING));
        assertTrue(repository.seed(rule("seed", true), NOTHING));
        assertFalse(repository.seed(rule("seed", true), NOTHING));
        repository.remove("seed", NOTHING);
        assertFalse(repository.seed(rule("seed", true), NOTHING));
        assertEquals(List.of(), repository.findAll());
    }

    /**
     * Another instance adds a rule (published, not yet committed) while this one repairs the topic at start: the
     * repair waits for it and sees it, rather than taking it for drift.
     */
    @Test
    void whileNoChangeCommitsWaitsForAChangeUnderWayAndSeesIt() throws Exception {
        CountDownLatch published = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        Thread adding = Thread.ofPlatform().start(() -> repository.add(rule("a", true), () -> {
            published.countDown();
            awaitQuietly(commit);
        }));
        assertTrue(published.await(10, TimeUnit.SECONDS));
        AtomicReference<List<AlertRule>> seen = new AtomicReference<>();
        Thread repairing = Thread.ofPlatform().start(() -> repository.whileNoChangeCommits(seen::set));
        repairing.join(500);
        assertEquals(null, seen.get(), "the repair waited for the change under way");
        commit.countDown();
        adding.join(10_000);
        repairing.join(10_000);
        assertEquals(List.of(rule("a", true)), seen.get());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
