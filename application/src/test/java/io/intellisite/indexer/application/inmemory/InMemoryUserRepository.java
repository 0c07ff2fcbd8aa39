package io.intellisite.indexer.application.inmemory;

import io.intellisite.indexer.application.port.out.UserRepository;
import io.intellisite.indexer.domain.user.Credential;
import io.intellisite.indexer.domain.user.User;
import io.intellisite.indexer.domain.user.UserAlreadyExistsException;
import io.intellisite.indexer.domain.user.UserWithCredentials;
import io.intellisite.indexer.domain.user.Username;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A user repository in memory, for fast tests of everything above the persistence adapter. */
public final class InMemoryUserRepository implements UserRepository {
    private final List<UserLogin> rows = new ArrayList<>();

    @Override
    public synchronized void add(User user, Credential credential) {
        boolean taken = rows.stream().anyMatch(r -> r.user().email().equals(user.email())
                || r.user().id().equals(user.id())
                || key(r.credential().username()).equals(key(credential.username())));
        if (taken) {
            throw new UserAlreadyExistsException();
        }
        rows.add(new UserLogin(user, credential));
    }

    @Override
    public synchronized Optional<UserLogin> findByUsername(Username username) {
        return rows.stream().filter(r -> key(r.credential().username()).equals(key(username))).findFirst();
    }

    @Override
    public synchronized List<UserWithCredentials> list(int skip, int limit) {
        return rows.stream()
                .sorted(Comparator.comparing((UserLogin r) -> r.user().name())
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

    private static String key(Username username) {
        return username.value().toLowerCase(Locale.ROOT);
    }
}
