package io.intellisite.indexer.adapters.persistence;

import io.intellisite.indexer.application.port.out.UserRepository;
import io.intellisite.indexer.domain.token.AccountStatus;
import io.intellisite.indexer.domain.user.Credential;
import io.intellisite.indexer.domain.user.Email;
import io.intellisite.indexer.domain.user.LastAdminException;
import io.intellisite.indexer.domain.user.PasswordHash;
import io.intellisite.indexer.domain.user.Role;
import io.intellisite.indexer.domain.user.User;
import io.intellisite.indexer.domain.user.UserAlreadyExistsException;
import io.intellisite.indexer.domain.user.UserId;
import io.intellisite.indexer.domain.user.UserWithCredentials;
import io.intellisite.indexer.domain.user.Username;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

public final class JdbiUserRepository implements UserRepository {
    private static final String UNIQUE_VIOLATION = "23505";
    private final Jdbi jdbi;

    public JdbiUserRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void add(User user, Credential credential) {
        try {
            jdbi.useTransaction(h -> {
                h.createUpdate("insert into users (id, name, lastname, email, role) values (:id, :name, :lastname, :email, :role)")
                        .bind("id", user.id().value()).bind("name", user.name()).bind("lastname", user.lastname())
                        .bind("email", user.email().value()).bind("role", user.role().wireName()).execute();
                h.createUpdate("insert into credentials (username, user_id, password_hash, active) values (:username, :userId, :hash, :active)")
                        .bind("username", credential.username().value()).bind("userId", credential.userId().value())
                        .bind("hash", credential.passwordHash().encoded()).bind("active", credential.active()).execute();
            });
        } catch (UnableToExecuteStatementException e) {
            if (e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                throw new UserAlreadyExistsException();
            }
            throw e;
        }
    }

    @Override
    public Optional<UserLogin> findByUsername(Username username) {
        return StoreFailures.busyIfUnavailable(() -> jdbi.withHandle(h -> h.createQuery("""
                        select u.id, u.name, u.lastname, u.email, u.role, c.username, c.password_hash,
                               c.active and not u.disabled as active
                        from credentials c join users u on u.id = c.user_id
                        where lower(c.username) = lower(:username)""")
                .bind("username", username.value())
                .map((rs, ctx) -> {
                    User user = user(rs);
                    return new UserLogin(user, new Credential(user.id(), new Username(rs.getString("username")),
                            new PasswordHash(rs.getString("password_hash")), rs.getBoolean("active")));
                })
                .findOne()));
    }

    @Override
    public List<UserWithCredentials> list(int skip, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select u.id, u.name, u.lastname, u.email, u.role,
                               array(select c.username from credentials c where c.user_id = u.id order by c.username) as usernames
                        from users u order by u.name collate "C", u.lastname collate "C", u.id
                        offset :skip limit :limit""")
                .bind("skip", skip).bind("limit", limit)
                .map((rs, ctx) -> new UserWithCredentials(user(rs),
                        Arrays.stream((String[]) rs.getArray("usernames").getArray()).map(Username::new).toList()))
                .list());
    }

    @Override
    public boolean isEmpty() {
        return jdbi.withHandle(h -> h.createQuery("select not exists (select 1 from users)").mapTo(Boolean.class).one());
    }

    @Override
    public Optional<AccountStatus> status(Username username) {
        return StoreFailures.busyIfUnavailable(() -> jdbi.withHandle(h -> h.createQuery("""
                        select u.id, u.role, u.disabled, u.tokens_valid_after
                        from credentials c join users u on u.id = c.user_id
                        where lower(c.username) = lower(:username)""")
                .bind("username", username.value())
                .map((rs, ctx) -> new AccountStatus(new UserId(rs.getObject("id", UUID.class)), Role.fromWireName(rs.getString("role")),
                        rs.getBoolean("disabled"), rs.getObject("tokens_valid_after", OffsetDateTime.class).toInstant()))
                .findOne()));
    }

    @Override
    public boolean setPassword(UserId id, PasswordHash hash, Instant tokensValidAfter) {
        return jdbi.inTransaction(h -> {
            h.createUpdate("update credentials set password_hash = :hash where user_id = :id")
                    .bind("hash", hash.encoded()).bind("id", id.value()).execute();
            return h.createUpdate("update users set tokens_valid_after = :after where id = :id")
                    .bind("after", OffsetDateTime.ofInstant(tokensValidAfter, ZoneOffset.UTC)).bind("id", id.value()).execute() == 1;
        });
    }

    @Override
    public boolean change(UserId id, Optional<Role> role, Optional<Boolean> disabled, Instant tokensValidAfter) {
        return jdbi.inTransaction(h -> {
            boolean wasAdmin = lockAdminsAndCheck(h, id);
            int changed = h.createUpdate("""
                            update users set role = coalesce(:role, role), disabled = coalesce(:disabled, disabled),
                                             tokens_valid_after = :after
                            where id = :id""")
                    .bind("role", role.map(Role::wireName).orElse(null)).bind("disabled", disabled.orElse(null))
                    .bind("after", OffsetDateTime.ofInstant(tokensValidAfter, ZoneOffset.UTC)).bind("id", id.value()).execute();
            requireAnEnabledAdmin(h, wasAdmin);
            return changed == 1;
        });
    }

    @Override
    public boolean delete(UserId id) {
        return jdbi.inTransaction(h -> {
            boolean wasAdmin = lockAdminsAndCheck(h, id);
            int deleted = h.createUpdate("delete from users where id = :id").bind("id", id.value()).execute();
            requireAnEnabledAdmin(h, wasAdmin);
            return deleted == 1;
        });
    }

    // Two instances demoting the last two admins at once must not both see the other still there: changes of accounts
    // take turns (they are rare), while reads and logins go on. Returns whether the user is an enabled admin now.
    private static boolean lockAdminsAndCheck(Handle h, UserId id) {
        h.execute("lock table users in share row exclusive mode");
        return h.createQuery("select exists (select 1 from users where id = :id and role = 'admin' and not disabled)")
                .bind("id", id.value()).mapTo(Boolean.class).one();
    }

    // Checked after the change, inside its transaction: throwing rolls it back.
    private static void requireAnEnabledAdmin(Handle h, boolean changedAnAdmin) {
        if (changedAnAdmin && !h.createQuery("select exists (select 1 from users where role = 'admin' and not disabled)")
                .mapTo(Boolean.class).one()) {
            throw new LastAdminException();
        }
    }

    private static User user(ResultSet rs) throws SQLException {
        return new User(new UserId(rs.getObject("id", UUID.class)), rs.getString("name"), rs.getString("lastname"),
                new Email(rs.getString("email")), Role.fromWireName(rs.getString("role")));
    }
}
