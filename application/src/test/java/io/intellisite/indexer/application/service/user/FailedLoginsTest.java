package io.intellisite.indexer.application.service.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intellisite.indexer.application.port.in.user.AuthenticationFailedException;
import io.intellisite.indexer.application.port.in.user.TooManyLoginAttemptsException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Logins that fail: alike whatever failed, and throttled so that a guesser slows down and the owner does not. */
class FailedLoginsTest extends UserServicesFixture {
    @Test
    void fiveFailuresWithinAMinuteLockTheUsernameForAWhile() {
        admin();
        for (int i = 0; i < 5; i++) {
            assertThrows(AuthenticationFailedException.class, () -> logIn.logIn("admin", "wrong-pass", HERE));
        }
        assertThrows(TooManyLoginAttemptsException.class, () -> logIn.logIn("admin", "admin", HERE));
        clock.advance(Duration.ofSeconds(61));
        assertTrue(logIn.logIn("admin", "admin", HERE).accessToken().length() > 4);
    }

    /** Issue 19, point 2: a stranger hammering an account throttles the stranger, not the owner. */
    @Test
    void theAdminGetsInFromItsOwnAddressWhileAStrangerHammersTheAccount() {
        admin();
        String stranger = "203.0.113.9";
        int refused = 0;
        for (int i = 0; i < 100; i++) {
            try {
                logIn.logIn("admin", "guess-" + i, stranger);
            } catch (TooManyLoginAttemptsException throttled) {
                refused++;
            } catch (AuthenticationFailedException wrong) {
                // one of the five checked guesses
            }
        }
        assertEquals(95, refused);
        assertThrows(TooManyLoginAttemptsException.class, () -> logIn.logIn("admin", "admin", stranger));
        assertTrue(logIn.logIn("admin", "admin", "198.51.100.7").accessToken().length() > 4, "a new address of the owner");
        assertTrue(logIn.logIn("admin", "admin", HERE).accessToken().length() > 4);
    }

    /** A guesser spread over many addresses: new addresses slow down on that account; the owner's known one does not. */
    @Test
    void guessingFromManyAddressesSlowsNewAddressesButNotTheOwnersOwn() {
        admin();
        for (int i = 0; i < 20; i++) {
            int n = i;
            assertThrows(AuthenticationFailedException.class, () -> logIn.logIn("admin", "guess", "203.0.113." + n));
        }
        assertThrows(AuthenticationFailedException.class, () -> logIn.logIn("admin", "guess", "198.51.100.1"));
        var slowed = assertThrows(TooManyLoginAttemptsException.class, () -> logIn.logIn("admin", "admin", "198.51.100.2"));
        assertTrue(slowed.retryAfter().toSeconds() <= 10, slowed.retryAfter().toString());
        assertTrue(logIn.logIn("admin", "admin", HERE).accessToken().length() > 4, "the address the owner logged in from");
        clock.advance(Duration.ofSeconds(10));
        assertTrue(logIn.logIn("admin", "admin", "198.51.100.2").accessToken().length() > 4, "after the wait");
    }

    /** A junk flood from one address stops after 100 checks, for every account, and other addresses go on. */
    @Test
    void oneAddressFloodingJunkLoginsIsStoppedAfterAHundredChecks() {
        admin();
        String flooder = "203.0.113.50";
        for (int i = 0; i < 100; i++) {
            int n = i;
            assertThrows(AuthenticationFailedException.class, () -> logIn.logIn("junk" + n, "x", flooder));
        }
        assertThrows(TooManyLoginAttemptsException.class, () -> logIn.logIn("admin", "admin", flooder));
        assertTrue(logIn.logIn("admin", "admin", "198.51.100.7").accessToken().length() > 4);
    }

    @Test
    void unknownUserAndWrongPasswordFailAlike() {
        admin();
        var unknown = assertThrows(AuthenticationFailedException.class, () -> logIn.logIn("nobody", "secret-123", HERE));
        var wrong = assertThrows(AuthenticationFailedException.class, () -> logIn.logIn("admin", "secret-123", HERE));
        assertEquals(unknown.getMessage(), wrong.getMessage());
    }
}
