package io.intellisite.indexer.application.service.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intellisite.indexer.application.inmemory.InMemoryAlertFeed;
import io.intellisite.indexer.application.model.AlertSubscription;
import io.intellisite.indexer.application.port.in.Principal;
import io.intellisite.indexer.application.port.in.alert.AlertFilter;
import io.intellisite.indexer.application.port.in.alert.TooManyAlertStreamsException;
import io.intellisite.indexer.domain.InvalidValueException;
import io.intellisite.indexer.domain.token.TokenClaims;
import io.intellisite.indexer.domain.user.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WatchAlertsServiceTest {
    private final InMemoryAlertFeed feed = new InMemoryAlertFeed(16);
    private final WatchAlertsService service = new WatchAlertsService(feed, new WatchAlertsService.Limits(3, 2));

    private static Principal user(String name) {
        Instant now = Instant.now();
        return new Principal(new TokenClaims(TokenClaims.SUBJECT_PREFIX + name, "N", "L", name + "@example.com", Role.VIEWER,
                "iss", "aud", now, now.plusSeconds(60)));
    }

    private AlertSubscription watch(String name) {
        return service.watch(user(name), AlertFilter.everything(), Optional.empty());
    }

    @Test
    void oneCallerHoldsAtMostItsShareAndTheInstanceAtMostItsLimitUntilStreamsClose() {
        AlertSubscription a1 = watch("ann");
        watch("ann");
        TooManyAlertStreamsException perCaller = assertThrows(TooManyAlertStreamsException.class, () -> watch("ann"));
        assertTrue(perCaller.callerLimit());
        watch("bob");
        TooManyAlertStreamsException instance = assertThrows(TooManyAlertStreamsException.class, () -> watch("cy"));
        assertFalse(instance.callerLimit());
        assertEquals(3, feed.subscriberCount());

        a1.close();
        a1.close(); // a second close releases nothing more
        watch("cy");
        assertThrows(TooManyAlertStreamsException.class, () -> watch("ann"));
        assertEquals(3, feed.subscriberCount());
    }

    @Test
    void aStreamThatCannotStartHoldsNoPlace() {
        WatchAlertsService one = new WatchAlertsService(feed, new WatchAlertsService.Limits(1, 1));
        for (int i = 0; i < 3; i++) {
            assertThrows(InvalidValueException.class, () -> one.watch(user("ann"), AlertFilter.everything(), Optional.of("no-such-id")));
        }
        one.watch(user("ann"), AlertFilter.everything(), Optional.empty()).close();
        one.watch(user("ann"), AlertFilter.everything(), Optional.empty());
    }

    /** Issue 19, point 7: replays (a connection and a poll of alerts each) are bounded apart, and end as they catch up. */
    @Test
    void aCallerReplaysAtMostTwoResumesAtOnceAndAReplayThatCaughtUpFreesItsPlace() throws InterruptedException {
        WatchAlertsService roomy = new WatchAlertsService(feed, new WatchAlertsService.Limits(100, 100));
        for (int i = 0; i < 3; i++) {
            feed.publish("Kia", List.of("SUV"), List.of("r"), "{}");
        }
        AlertSubscription first = roomy.watch(user("ann"), AlertFilter.everything(), Optional.of("0"));
        AlertSubscription second = roomy.watch(user("ann"), AlertFilter.everything(), Optional.of("0"));
        assertTrue(first.replaying() && second.replaying());
        TooManyAlertStreamsException third = assertThrows(TooManyAlertStreamsException.class,
                () -> roomy.watch(user("ann"), AlertFilter.everything(), Optional.of("0")));
        assertTrue(third.callerLimit());
        roomy.watch(user("ann"), AlertFilter.everything(), Optional.empty()).close(); // live streams are not replays
        roomy.watch(user("ann"), AlertFilter.everything(), Optional.of("3")).close(); // nothing to replay: no place held
        for (int i = 0; i < 3; i++) {
            assertTrue(first.next(Duration.ZERO).isPresent());
        }
        assertFalse(first.replaying());
        roomy.watch(user("ann"), AlertFilter.everything(), Optional.of("0")).close();
        second.close();
        roomy.watch(user("ann"), AlertFilter.everything(), Optional.of("0"));
    }
}
