package io.intellisite.indexer.adapters.persistence;

import io.intellisite.indexer.application.port.out.UserRepository;
import io.intellisite.indexer.domain.user.Credential;
import io.intellisite.indexer.domain.user.Email;
import io.intellisite.indexer.domain.user.PasswordHash;
import io.intellisite.indexer.domain.user.Role;
import io.intellisite.indexer.domain.user.User;
import io.intellisite.indexer.domain.user.UserAlreadyExistsException;
import io.intellisite.indexer.domain.user.UserId;
import io.intellisite.indexer.domain.user.UserWithCredentials;
import io.intellisite.indexer.domain.user.Username;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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
        return jdbi.withHandle(h -> h.createQuery("""
                        select u.id, u.name, u.lastname, u.email, u.role, c.username, c.password_hash, c.active
                        from credentials c join users u on u.id = c.user_id
                        where lower(c.username) = lower(:username)""")
                .bind("username", username.value())
                .map((rs, ctx) -> {
                    User user = user(rs);
                    return new UserLogin(user, new Credential(user.id(), new Username(rs.getString("username")),
                            new PasswordHash(rs.getString("password_hash")), rs.getBoolean("active")));
                })
                .findOne());
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

    private static User user(ResultSet rs) throws SQLException {
        return new User(new UserId(rs.getObject("id", UUID.class)), rs.getString("name"), rs.getString("lastname"),
                new Email(rs.getString("email")), Role.fromWireName(rs.getString("role")));
    }
}
