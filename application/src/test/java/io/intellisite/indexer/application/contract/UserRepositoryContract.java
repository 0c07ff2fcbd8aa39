package io.intellisite.indexer.application.contract;

import static io.intellisite.indexer.application.contract.Fixtures.credential;
import static io.intellisite.indexer.application.contract.Fixtures.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intellisite.indexer.application.port.out.UserRepository;
import io.intellisite.indexer.domain.user.User;
import io.intellisite.indexer.domain.user.UserAlreadyExistsException;
import io.intellisite.indexer.domain.user.UserWithCredentials;
import io.intellisite.indexer.domain.user.Username;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link UserRepository} must do; run against the in-memory and the PostgreSQL adapter. */
public abstract class UserRepositoryContract {
    protected UserRepository repository;

    /** A fresh, empty repository. */
    protected abstract UserRepository emptyRepository();

    @BeforeEach
    void setUp() {
        repository = emptyRepository();
    }

    @Test
    void startsEmptyAndFindsWhatWasAdded() {
        assertTrue(repository.isEmpty());
        User ann = user("Ann", "ann@example.com");
        repository.add(ann, credential(ann, "ann"));
        assertFalse(repository.isEmpty());
        var found = repository.findByUsername(new Username("ann")).orElseThrow();
        assertEquals(ann, found.user());
        assertEquals("ann", found.credential().username().value());
        assertTrue(found.credential().active());
        assertTrue(repository.findByUsername(new Username("bob")).isEmpty());
    }

    @Test
    void refusesATakenUsernameOrEmailAndKeepsTheFirst() {
        User ann = user("Ann", "ann@example.com");
        repository.add(ann, credential(ann, "ann"));
        User sameName = user("Other", "other@example.com");
        assertThrows(UserAlreadyExistsException.class, () -> repository.add(sameName, credential(sameName, "ann")));
        User sameEmail = user("Other", "ANN@example.com");
        assertThrows(UserAlreadyExistsException.class, () -> repository.add(sameEmail, credential(sameEmail, "ann2")));
        assertEquals(1, repository.list(0, 100).size());
        assertTrue(repository.findByUsername(new Username("ann2")).isEmpty());
    }

    @Test
    void listsByNameWithPaging() {
        for (String name : List.of("Carol", "Alice", "Bob", "Dave")) {
            User u = user(name, name.toLowerCase() + "@example.com");
            repository.add(u, credential(u, name.toLowerCase()));
        }
        List<UserWithCredentials> all = repository.list(0, 100);
        assertEquals(List.of("Alice", "Bob", "Carol", "Dave"), all.stream().map(u -> u.user().name()).toList());
        assertEquals(List.of(new Username("alice")), all.getFirst().usernames());
        assertEquals(List.of("Bob", "Carol"), repository.list(1, 2).stream().map(u -> u.user().name()).toList());
        assertEquals(List.of(), repository.list(4, 10));
    }
}
