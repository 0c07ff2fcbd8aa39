package io.intellisite.indexer.application.service.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intellisite.indexer.application.port.in.AccessDeniedException;
import io.intellisite.indexer.application.port.in.NotFoundException;
import io.intellisite.indexer.application.port.in.Principal;
import io.intellisite.indexer.application.port.in.ServiceUnavailableException;
import io.intellisite.indexer.application.port.in.user.AuthenticationFailedException;
import io.intellisite.indexer.application.port.out.StoreBusyException;
import io.intellisite.indexer.application.port.out.UserRepository;
import io.intellisite.indexer.domain.user.Role;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A token from its login to its end: renewed within its session, revoked by a change of its account, checked against the store. */
class TokenLifecycleTest extends UserServicesFixture {
    /** Issue 19, point 3: a password change, disable, demotion or deletion revokes the account's tokens everywhere. */
    @Test
    void eachChangeOfAnAccountRevokesItsTokensOnEveryInstance() {
        Principal admin = admin();
        var id = register.register(admin, command("viewer", "viewer@example.com"));
        String before = logIn.logIn("viewer", "password-r", HERE).accessToken();
        Principal viewer = otherInstance.authenticate(before);
        clock.advance(Duration.ofMillis(1_200));
        assertTrue(otherInstance.stillValid(viewer));
        new ChangeOwnPasswordService(users, hasher, statuses).change(viewer, "password-r", "password-r2");
        assertThrows(AuthenticationFailedException.class, () -> authenticate.authenticate(before), "at once on this instance");
        assertTrue(otherInstance.stillValid(viewer), "another instance may use what it read of the account for a second");
        clock.advance(Duration.ofSeconds(1));
        assertFalse(otherInstance.stillValid(viewer), "and no longer");
        new ChangeOwnPasswordService(users, hasher, statuses).change(viewer, "password-r2", "a-new-password");
        assertThrows(AuthenticationFailedException.class, () -> logIn.logIn("viewer", "password-r2", HERE));
        String after = logIn.logIn("viewer", "a-new-password", HERE).accessToken();
        assertEquals("viewer", authenticate.authenticate(after).username());

        clock.advance(Duration.ofSeconds(2));
        var update = new UpdateUserService(users, statuses);
        update.update(admin, id, Optional.empty(), Optional.of(true));
        assertThrows(AuthenticationFailedException.class, () -> authenticate.authenticate(after), "disabled");
        assertThrows(AuthenticationFailedException.class, () -> logIn.logIn("viewer", "a-new-password", HERE));
        update.update(admin, id, Optional.of(Role.ADMIN), Optional.of(false));
        clock.advance(Duration.ofSeconds(2));
        Principal promoted = authenticate.authenticate(logIn.logIn("viewer", "a-new-password", HERE).accessToken());
        assertTrue(promoted.isAdmin());
        assertThrows(AccessDeniedException.class, () -> update.update(viewer, id, Optional.of(Role.VIEWER), Optional.empty()));

        new DeleteUserService(users, statuses).delete(admin, id);
        assertFalse(authenticate.stillValid(promoted), "deleted");
        assertThrows(NotFoundException.class, () -> new DeleteUserService(users, statuses).delete(admin, id));
    }

    /** Issue 19, point 4: a page renews its token before it expires, up to the end of its session, never past it. */
    @Test
    void aTokenIsRenewedWithinItsSessionAndTheSessionEnds() {
        admin();
        RenewTokenService renew = RenewTokenService.over(users, tokens, policy, clock);
        String first = logIn.logIn("admin", "admin", HERE).accessToken();
        clock.advance(Duration.ofMinutes(25));
        var second = renew.renew(authenticate.authenticate(first));
        assertEquals(Duration.ofMinutes(30).toSeconds(), second.expiresInSeconds());
        clock.advance(Duration.ofMinutes(10));
        assertThrows(AuthenticationFailedException.class, () -> authenticate.authenticate(first), "the first one expired");
        Principal renewed = authenticate.authenticate(second.accessToken());
        assertEquals(Instant.parse("2026-06-01T12:00:00Z"), renewed.claims().authTime(), "the session began at the login");
        clock.advance(Duration.ofMinutes(15));
        var third = renew.renew(renewed);
        assertEquals(Duration.ofMinutes(30).toSeconds(), third.expiresInSeconds());
        clock.advance(Duration.ofMinutes(25));
        var last = renew.renew(authenticate.authenticate(third.accessToken()));
        assertEquals(Duration.ofMinutes(15).toSeconds(), last.expiresInSeconds(), "cut at the session's end, 90 min after the login");
        clock.advance(Duration.ofMinutes(15));
        assertThrows(AuthenticationFailedException.class, () -> authenticate.authenticate(last.accessToken()));
        Principal lateButValid = authenticate.authenticate(logIn.logIn("admin", "admin", HERE).accessToken());
        assertEquals(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), lateButValid.claims().authTime(),
                "a password given again starts a new session");
    }

    /** Tokens state their issue time in whole seconds; a change still ends one issued in its own second. */
    @Test
    void aChangeEndsATokenOfItsOwnSecondAndALoginJustAfterItCounts() {
        Principal admin = admin();
        register.register(admin, command("viewer", "viewer@example.com"));
        clock.advance(Duration.ofMillis(100));
        String before = logIn.logIn("viewer", "password-r", HERE).accessToken();
        Principal viewer = authenticate.authenticate(before);
        clock.advance(Duration.ofMillis(100));
        new ChangeOwnPasswordService(users, hasher, statuses).change(viewer, "password-r", "password-r2");
        assertThrows(AuthenticationFailedException.class, () -> authenticate.authenticate(before), "issued 100 ms before");
        clock.advance(Duration.ofMillis(100));
        String after = logIn.logIn("viewer", "password-r2", HERE).accessToken();
        assertEquals("viewer", authenticate.authenticate(after).username(), "issued 100 ms after, in the same second");
        assertEquals("viewer", otherInstance.authenticate(after).username());
    }

    /**
     * Many checks of one account that miss the cache together make one read of the store, not one each: ten thousand
     * alert streams of one user recheck it every 2 s, and their reads once filled the pool until streams ended.
     */
    @Test
    void checksOfOneAccountThatMissTogetherShareOneRead() throws Exception {
        admin();
        String token = logIn.logIn("admin", "admin", HERE).accessToken();
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        UserRepository slow = (UserRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {UserRepository.class}, (proxy, method, args) -> {
                    if (method.getName().equals("status")) {
                        reads.incrementAndGet();
                        release.await();
                    }
                    try {
                        return method.invoke(users, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        var checks = new AuthenticateService(tokens, new AccountStatuses(slow, clock), clock);
        List<Thread> callers = new ArrayList<>();
        List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 50; i++) {
            callers.add(Thread.ofVirtual().start(() -> seen.add(checks.authenticate(token).username())));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (reads.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        Thread.sleep(200); // the others arrive meanwhile and must wait for the one read, not start their own
        release.countDown();
        for (Thread caller : callers) {
            caller.join();
        }
        assertEquals(50, seen.size(), "every check answered");
        assertEquals(1, reads.get(), "one read for all");
    }

    /** A store that cannot answer makes token checks and logins "come back later" (503), not faults or 401s. */
    @Test
    void anOutageOfTheStoreMakesChecksAndLoginsUnavailableNotFailed() {
        admin();
        String token = logIn.logIn("admin", "admin", HERE).accessToken();
        AtomicBoolean down = new AtomicBoolean(true);
        UserRepository failing = (UserRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {UserRepository.class}, (proxy, method, args) -> {
                    if (down.get()) {
                        throw new StoreBusyException("down", null);
                    }
                    try {
                        return method.invoke(users, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        var authenticateWhileDown = new AuthenticateService(tokens, new AccountStatuses(failing, clock), clock);
        var logInWhileDown = new LogInService(failing, hasher, tokens, policy, clock, LoginThrottle.standard(clock),
                PasswordCheckGate.allowing(0));
        assertThrows(ServiceUnavailableException.class, () -> authenticateWhileDown.authenticate(token));
        assertThrows(ServiceUnavailableException.class, () -> logInWhileDown.logIn("admin", "admin", HERE));
        down.set(false);
        assertEquals("admin", authenticateWhileDown.authenticate(token).username(), "and back once the store is");
        assertTrue(logInWhileDown.logIn("admin", "admin", HERE).accessToken().length() > 4);
    }

    @Test
    void expiredTokenIsRejected() {
        admin();
        String token = logIn.logIn("admin", "admin", HERE).accessToken();
        clock.advance(Duration.ofMinutes(31));
        assertThrows(AuthenticationFailedException.class, () -> authenticate.authenticate(token));
    }
}
