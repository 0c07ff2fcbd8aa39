package io.intellisite.indexer.application.contract;

import static io.intellisite.indexer.application.contract.Fixtures.credential;
import static io.intellisite.indexer.application.contract.Fixtures.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intellisite.indexer.application.port.out.UserRepository;
import io.intellisite.indexer.domain.token.AccountStatus;
import io.intellisite.indexer.domain.user.Email;
import io.intellisite.indexer.domain.user.LastAdminException;
import io.intellisite.indexer.domain.user.PasswordHash;
import io.intellisite.indexer.domain.user.Role;
import io.intellisite.indexer.domain.user.User;
import io.intellisite.indexer.domain.user.UserAlreadyExistsException;
import io.intellisite.indexer.domain.user.UserId;
import io.intellisite.indexer.domain.user.UserWithCredentials;
import io.intellisite.indexer.domain.user.Username;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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

    private User added(String name, Role role) {
        User u = new User(UserId.random(), name, "Last", new Email(name.toLowerCase() + "@example.com"), role);
        repository.add(u, credential(u, name.toLowerCase()));
        return u;
    }

    @Test
    void anAccountsStatusFollowsPasswordRoleAndDisableChangesAndEndsWithItsDeletion() {
        User admin = added("Root", Role.ADMIN);
        User ann = added("Ann", Role.VIEWER);
        Username annName = new Username("ann");
        AccountStatus fresh = repository.status(annName).orElseThrow();
        assertEquals(new AccountStatus(ann.id(), Role.VIEWER, false, fresh.tokensValidAfter()), fresh);
        Instant t1 = Instant.parse("2026-06-01T12:00:00Z");
        assertTrue(repository.setPassword(ann.id(), new PasswordHash("new-hash"), t1));
        assertEquals("new-hash", repository.findByUsername(annName).orElseThrow().credential().passwordHash().encoded());
        assertEquals(t1, repository.status(annName).orElseThrow().tokensValidAfter());
        Instant t2 = t1.plusSeconds(60);
        assertTrue(repository.change(ann.id(), Optional.of(Role.ADMIN), Optional.of(true), t2));
        assertEquals(new AccountStatus(ann.id(), Role.ADMIN, true, t2), repository.status(annName).orElseThrow());
        assertFalse(repository.findByUsername(annName).orElseThrow().credential().active(), "a disabled account cannot log in");
        assertTrue(repository.change(ann.id(), Optional.empty(), Optional.of(false), t2));
        assertTrue(repository.findByUsername(annName).orElseThrow().credential().active());
        assertTrue(repository.delete(ann.id()));
        assertTrue(repository.status(annName).isEmpty());
        assertTrue(repository.findByUsername(annName).isEmpty());
        assertFalse(repository.delete(ann.id()));
        assertFalse(repository.change(ann.id(), Optional.of(Role.VIEWER), Optional.empty(), t2));
        assertFalse(repository.setPassword(ann.id(), new PasswordHash("x"), t2));
        assertEquals(Role.ADMIN, repository.status(new Username("root")).orElseThrow().role());
        assertEquals(admin.id(), repository.status(new Username("root")).orElseThrow().id());
    }

    @Test
    void theLastEnabledAdminCannotBeDeletedDisabledOrDemoted() {
        User root = added("Root", Role.ADMIN);
        User other = added("Other", Role.ADMIN);
        Instant now = Instant.parse("2026-06-01T12:00:00Z");
        assertTrue(repository.change(other.id(), Optional.empty(), Optional.of(true), now));
        assertThrows(LastAdminException.class, () -> repository.change(root.id(), Optional.of(Role.VIEWER), Optional.empty(), now));
        assertThrows(LastAdminException.class, () -> repository.change(root.id(), Optional.empty(), Optional.of(true), now));
        assertThrows(LastAdminException.class, () -> repository.delete(root.id()));
        AccountStatus unchanged = repository.status(new Username("root")).orElseThrow();
        assertEquals(Role.ADMIN, unchanged.role());
        assertFalse(unchanged.disabled());
        assertTrue(repository.delete(other.id()), "a disabled admin is no last admin");
        User viewer = added("Vic", Role.VIEWER);
        assertTrue(repository.delete(viewer.id()));
    }
}
