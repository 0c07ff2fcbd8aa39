package io.intellisite.indexer.application.inmemory;

import io.intellisite.indexer.application.port.out.UserRepository;
import io.intellisite.indexer.domain.token.AccountStatus;
import io.intellisite.indexer.domain.user.Credential;
import io.intellisite.indexer.domain.user.LastAdminException;
import io.intellisite.indexer.domain.user.PasswordHash;
import io.intellisite.indexer.domain.user.Role;
import io.intellisite.indexer.domain.user.User;
import io.intellisite.indexer.domain.user.UserAlreadyExistsException;
import io.intellisite.indexer.domain.user.UserId;
import io.intellisite.indexer.domain.user.UserWithCredentials;
import io.intellisite.indexer.domain.user.Username;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** A user repository in memory, for fast tests of everything above the persistence adapter. */
public final class InMemoryUserRepository implements UserRepository {
    private final List<Row> rows = new ArrayList<>();

    private record Row(User user, Credential credential, boolean disabled, Instant tokensValidAfter) {
        UserLogin login() {
            return new UserLogin(user, new Credential(user.id(), credential.username(), credential.passwordHash(),
                    credential.active() && !disabled));
        }
    }

    @Override
    public synchronized void add(User user, Credential credential) {
        boolean taken = rows.stream().anyMatch(r -> r.user().email().equals(user.email())
                || r.user().id().equals(user.id())
                || key(r.credential().username()).equals(key(credential.username())));
        if (taken) {
            throw new UserAlreadyExistsException();
        }
        rows.add(new Row(user, credential, false, Instant.EPOCH));
    }

    @Override
    public synchronized Optional<UserLogin> findByUsername(Username username) {
        return byUsername(username).map(Row::login);
    }

    @Override
    public synchronized List<UserWithCredentials> list(int skip, int limit) {
        return rows.stream()
                .sorted(Comparator.comparing((Row r) -> r.user().name())
                        .thenComparing(r -> r.user().lastname())
                        .thenComparing(r -> r.user().id().value()))
                .skip(skip).limit(limit)
                .map(r -> new UserWithCredentials(r.user(), List.of(r.credential().username())))
                .toList();
    }

    @Override
    public synchronized boolean isEmpty() {
        return rows.isEmpty();
    }

    @Override
    public synchronized Optional<AccountStatus> status(Username username) {
        return byUsername(username).map(r -> new AccountStatus(r.user().id(), r.user().role(), r.disabled(), r.tokensValidAfter()));
    }

    @Override
    public synchronized boolean setPassword(UserId id, PasswordHash hash, Instant tokensValidAfter) {
        return replace(id, r -> new Row(r.user(), new Credential(id, r.credential().username(), hash, r.credential().active()),
                r.disabled(), tokensValidAfter));
    }

    @Override
    public synchronized boolean change(UserId id, Optional<Role> role, Optional<Boolean> disabled, Instant tokensValidAfter) {
        int i = indexOf(id);
        if (i < 0) {
            return false;
        }
        Row r = rows.get(i);
        User u = r.user();
        Row changed = new Row(new User(id, u.name(), u.lastname(), u.email(), role.orElse(u.role())), r.credential(),
                disabled.orElse(r.disabled()), tokensValidAfter);
        requireAnotherAdmin(i, changed);
        rows.set(i, changed);
        return true;
    }

    @Override
    public synchronized boolean delete(UserId id) {
        int i = indexOf(id);
        if (i < 0) {
            return false;
        }
        requireAnotherAdmin(i, null);
        rows.remove(i);
        return true;
    }

    private void requireAnotherAdmin(int index, Row replacement) {
        boolean adminAfter = replacement != null && enabledAdmin(replacement);
        if (enabledAdmin(rows.get(index)) && !adminAfter
                && rows.stream().filter(InMemoryUserRepository::enabledAdmin).count() < 2) {
            throw new LastAdminException();
        }
    }

    private static boolean enabledAdmin(Row r) {
        return r.user().role() == Role.ADMIN && !r.disabled();
    }

    private boolean replace(UserId id, UnaryOperator<Row> change) {
        int i = indexOf(id);
        if (i < 0) {
            return false;
        }
        rows.set(i, change.apply(rows.get(i)));
        return true;
    }

    private int indexOf(UserId id) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).user().id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private Optional<Row> byUsername(Username username) {
        return rows.stream().filter(r -> key(r.credential().username()).equals(key(username))).findFirst();
    }

    private static String key(Username username) {
        return username.value().toLowerCase(Locale.ROOT);
    }
}
