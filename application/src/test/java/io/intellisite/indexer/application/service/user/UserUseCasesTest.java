package io.intellisite.indexer.application.service.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intellisite.indexer.application.model.PageRequest;
import io.intellisite.indexer.application.port.in.AccessDeniedException;
import io.intellisite.indexer.application.port.in.Principal;
import io.intellisite.indexer.domain.InvalidValueException;
import io.intellisite.indexer.domain.user.LastAdminException;
import io.intellisite.indexer.domain.user.Role;
import io.intellisite.indexer.domain.user.UserAlreadyExistsException;
import io.intellisite.indexer.domain.user.UserId;
import io.intellisite.indexer.domain.user.Username;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Registering, listing and changing users, with the rules that keep the last admin. */
class UserUseCasesTest extends UserServicesFixture {
    @Test
    void tenUsersGetVersion4IdsCannotBeAddedTwiceAndEachLogsInWithOwnEmail() {
        Principal admin = admin();
        List<UserId> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(register.register(admin, command("user" + i, "user" + i + "@example.com")));
        }
        ids.forEach(id -> assertEquals(4, id.value().version()));
        for (int i = 0; i < 10; i++) {
            int n = i;
            assertThrows(UserAlreadyExistsException.class,
                    () -> register.register(admin, command("user" + n, "user" + n + "@example.com")));
        }
        assertThrows(UserAlreadyExistsException.class,
                () -> register.register(admin, command("user3", "fresh@example.com")));
        for (int i = 0; i < 10; i++) {
            var token = logIn.logIn("user" + i, "password-" + i, HERE);
            assertEquals("user" + i + "@example.com", authenticate.authenticate(token.accessToken()).claims().email());
            assertEquals(1800, token.expiresInSeconds());
        }
        var names = new ListUsersService(users).list(admin, new PageRequest(0, 100)).stream()
                .map(u -> u.user().name()).toList();
        assertEquals(names.stream().sorted().toList(), names);
        assertEquals(11, names.size());
    }

    @Test
    void viewerMayNotRegisterUsers() {
        Principal admin = admin();
        register.register(admin, command("viewer", "viewer@example.com"));
        Principal viewer = authenticate.authenticate(logIn.logIn("viewer", "password-r", HERE).accessToken());
        assertFalse(viewer.isAdmin());
        assertThrows(AccessDeniedException.class, () -> register.register(viewer, command("x-user", "x@example.com")));
        assertThrows(AccessDeniedException.class, () -> new ListUsersService(users).list(viewer, new PageRequest(0, 100)));
        assertEquals("viewer", new ShowOwnAccountService(users).show(viewer).usernames().getFirst().value());
    }

    @Test
    void theLastEnabledAdminStaysAndAWrongOldPasswordChangesNothing() {
        Principal admin = admin();
        var ownId = users.status(new Username("admin")).orElseThrow().id();
        var update = new UpdateUserService(users, statuses);
        assertThrows(LastAdminException.class, () -> update.update(admin, ownId, Optional.of(Role.VIEWER), Optional.empty()));
        assertThrows(LastAdminException.class, () -> update.update(admin, ownId, Optional.empty(), Optional.of(true)));
        assertThrows(LastAdminException.class, () -> new DeleteUserService(users, statuses).delete(admin, ownId));
        assertThrows(InvalidValueException.class,
                () -> new ChangeOwnPasswordService(users, hasher, statuses).change(admin, "wrong", "a-new-password"));
        assertTrue(logIn.logIn("admin", "admin", HERE).accessToken().length() > 4);
    }
}
