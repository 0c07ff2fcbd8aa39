package io.intellisite.indexer.adapters.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.intellisite.indexer.application.port.out.AlertRuleRepository;
import io.intellisite.indexer.domain.alert.AlertRule;
import io.intellisite.indexer.domain.alert.RuleConditions;
import io.intellisite.indexer.domain.alert.RuleWindows;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Rules in PostgreSQL. A change and its before-commit step share one transaction; an update or delete holds
 * the rule's row lock until it commits, so concurrent changes to one rule are published in the order stored.
 */
public final class JdbiAlertRuleRepository implements AlertRuleRepository {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "select id, name, enabled, conditions::text as conditions, time_window::text as time_window from alert_rules";
    private static final RowMapper<AlertRule> RULE = (rs, ctx) -> new AlertRule(rs.getString("id"), rs.getString("name"),
            rs.getBoolean("enabled"), RuleConditions.fromMap(read(rs.getString("conditions"))),
            RuleWindows.fromMap(rs.getString("time_window") == null ? null : read(rs.getString("time_window"))));
    private final Jdbi jdbi;

    public JdbiAlertRuleRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public List<AlertRule> findAll() {
        return jdbi.withHandle(h -> h.createQuery(COLUMNS + " order by id collate \"C\"").map(RULE).list());
    }

    @Override
    public Optional<AlertRule> findById(String id) {
        return jdbi.withHandle(h -> h.createQuery(COLUMNS + " where id = :id").bind("id", id).map(RULE).findOne());
    }

    @Override
    public int count() {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from alert_rules").mapTo(Integer.class).one());
    }

    @Override
    public boolean add(AlertRule rule, Runnable beforeCommit) {
        return jdbi.inTransaction(h -> insert(h, rule) && ran(beforeCommit));
    }

    @Override
    public boolean replace(AlertRule rule, Runnable beforeCommit) {
        return jdbi.inTransaction(h -> h.createUpdate("""
                        update alert_rules set name = :name, enabled = :enabled, conditions = cast(:conditions as jsonb),
                               time_window = cast(:window as jsonb), updated_at = now() where id = :id""")
                .bind("id", rule.id()).bind("name", rule.name()).bind("enabled", rule.enabled())
                .bind("conditions", write(rule)).bind("window", window(rule)).execute() == 1 && ran(beforeCommit));
    }

    @Override
    public boolean remove(String id, Runnable beforeCommit) {
        return jdbi.inTransaction(h -> h.createUpdate("delete from alert_rules where id = :id").bind("id", id).execute() == 1
                && ran(beforeCommit));
    }

    @Override
    public boolean seed(AlertRule rule, Runnable beforeCommit) {
        // Instances starting together race here; the primary key of the marker lets exactly one of them seed.
        return jdbi.inTransaction(h -> h.createUpdate("insert into alert_rules_seeded values (true) on conflict do nothing")
                .execute() == 1 && insert(h, rule) && ran(beforeCommit));
    }

    /*
     * SHARE mode conflicts with the ROW EXCLUSIVE lock every insert, update and delete takes: it waits for the
     * changes under way to commit or roll back, and holds off new ones until this transaction ends.
     */
    @Override
    public void whileNoChangeCommits(Consumer<List<AlertRule>> action) {
        jdbi.useTransaction(h -> {
            h.execute("lock table alert_rules in share mode");
            action.accept(h.createQuery(COLUMNS + " order by id collate \"C\"").map(RULE).list());
        });
    }

    private static boolean insert(Handle h, AlertRule rule) {
        boolean added = h.createUpdate("""
                        insert into alert_rules (id, name, enabled, conditions, time_window)
                        values (:id, :name, :enabled, cast(:conditions as jsonb), cast(:window as jsonb))
                        on conflict (id) do nothing""")
                .bind("id", rule.id()).bind("name", rule.name()).bind("enabled", rule.enabled())
                .bind("conditions", write(rule)).bind("window", window(rule)).execute() == 1;
        h.execute("insert into alert_rules_seeded values (true) on conflict do nothing");
        return added;
    }

    /** Runs the step; a throw rolls the transaction back and reaches the caller. */
    private static boolean ran(Runnable beforeCommit) {
        beforeCommit.run();
        return true;
    }

    private static String write(AlertRule rule) {
        try {
            return JSON.writeValueAsString(RuleConditions.toMap(rule.conditions()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write rule conditions", e);
        }
    }

    private static String window(AlertRule rule) {
        try {
            return rule.windowed() ? JSON.writeValueAsString(RuleWindows.toMap(rule.window())) : null;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write rule window", e);
        }
    }

    private static Map<?, ?> read(String json) {
        try {
            return JSON.readValue(json, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored rule conditions are not JSON", e);
        }
    }
}
