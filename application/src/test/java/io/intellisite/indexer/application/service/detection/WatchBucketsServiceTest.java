package io.intellisite.indexer.application.service.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.intellisite.indexer.application.contract.Fixtures;
import io.intellisite.indexer.application.inmemory.InMemoryDetectionRepository;
import io.intellisite.indexer.application.model.BucketEvent;
import io.intellisite.indexer.application.model.BucketSubscription;
import io.intellisite.indexer.application.port.in.Principal;
import io.intellisite.indexer.application.port.in.alert.TooManyAlertStreamsException;
import io.intellisite.indexer.application.port.out.DetectionRepository;
import io.intellisite.indexer.application.service.Quota;
import io.intellisite.indexer.application.testing.MutableClock;
import io.intellisite.indexer.domain.InvalidValueException;
import io.intellisite.indexer.domain.detection.StatsDimension;
import io.intellisite.indexer.domain.detection.ValueCount;
import io.intellisite.indexer.domain.token.TokenClaims;
import io.intellisite.indexer.domain.user.Role;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Closed minutes, in order, each once: replayed after a resume id, then delivered as each settles. */
class WatchBucketsServiceTest {
    private static final Instant T = Instant.parse("2026-06-01T12:00:00Z");
    private final MutableClock clock = new MutableClock(T.plusSeconds(10));
    private final InMemoryDetectionRepository detections = new InMemoryDetectionRepository();
    private final WatchBucketsService service = new WatchBucketsService(detections, clock, new Quota("live statistics streams", 10, 1));
    private final Principal ann = new Principal(new TokenClaims(TokenClaims.SUBJECT_PREFIX + "ann", "Ann", "A", "ann@example.com",
            Role.VIEWER, "iss", "aud", T, T.plusSeconds(3_600)));
    private long offset;

    private void store(Instant at, String make) {
        detections.store(List.of(Fixtures.detectionAt(0, offset++, at, make, "SUV")));
    }

    @Test
    void aResumeReplaysTheClosedMinutesThenEachComesOnceItSettles() throws Exception {
        store(T.minusSeconds(170), "Toyota");
        store(T.minusSeconds(150), "Ford");
        store(T.minusSeconds(100), "Toyota");
        store(T.plusSeconds(30), "Kia");
        try (BucketSubscription s = service.watch(ann, StatsDimension.MAKE, Optional.of(T.minusSeconds(240).toString()))) {
            assertEquals(new BucketEvent(T.minusSeconds(180), StatsDimension.MAKE, List.of(new ValueCount("Ford", 1), new ValueCount("Toyota", 1))),
                    s.next(Duration.ZERO).orElseThrow());
            assertEquals(List.of(new ValueCount("Toyota", 1)), s.next(Duration.ZERO).orElseThrow().counts());
            BucketEvent quiet = s.next(Duration.ZERO).orElseThrow();
            assertEquals(T.minusSeconds(60), quiet.start());
            assertEquals(List.of(), quiet.counts(), "a minute with none is delivered too");
            assertEquals(Optional.empty(), s.next(Duration.ZERO), "the minute now running is not closed");
            clock.advance(Duration.ofSeconds(52)); // 12:01:02: closed, not settled
            assertEquals(Optional.empty(), s.next(Duration.ZERO));
            clock.advance(Duration.ofSeconds(4));
            BucketEvent now = s.next(Duration.ZERO).orElseThrow();
            assertEquals(T.toString(), now.id());
            assertEquals(List.of(new ValueCount("Kia", 1)), now.counts());
        }
    }

    @Test
    void withoutAResumeIdTheFirstIsTheMinuteNowRunningAndAResumeGoesBackADayAtMost() throws Exception {
        try (BucketSubscription s = service.watch(ann, StatsDimension.CATEGORY, Optional.empty())) {
            assertEquals(Optional.empty(), s.next(Duration.ZERO));
            clock.advance(Duration.ofSeconds(56));
            assertEquals(T, s.next(Duration.ZERO).orElseThrow().start());
        }
        try (BucketSubscription s = service.watch(ann, StatsDimension.MAKE, Optional.of("2020-01-01T00:00:00Z"))) {
            assertEquals(T.minus(Duration.ofDays(1)).plusSeconds(60), s.next(Duration.ZERO).orElseThrow().start());
        }
        assertThrows(InvalidValueException.class, () -> service.watch(ann, StatsDimension.MAKE, Optional.of("yesterday")));
    }

    /** Every live subscriber asks for the same minute at the same moment: one read serves them all. */
    @Test
    void subscribersFollowingLiveShareOneReadPerMinute() throws Exception {
        AtomicInteger countReads = new AtomicInteger();
        DetectionRepository counting = (DetectionRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DetectionRepository.class}, (proxy, method, args) -> {
                    if (method.getName().equals("countsPerBucket")) {
                        countReads.incrementAndGet();
                    }
                    return method.invoke(detections, args);
                });
        WatchBucketsService shared = new WatchBucketsService(counting, clock, new Quota("live statistics streams", 100, 100));
        store(T.plusSeconds(20), "Toyota");
        List<BucketSubscription> subscribers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            subscribers.add(shared.watch(ann, StatsDimension.MAKE, Optional.empty()));
        }
        clock.advance(Duration.ofSeconds(60));
        for (BucketSubscription s : subscribers) {
            assertEquals(List.of(new ValueCount("Toyota", 1)), s.next(Duration.ZERO).orElseThrow().counts());
            s.close();
        }
        assertEquals(1, countReads.get());
    }

    @Test
    void aCallerHoldsNoMoreStreamsThanTheLimitAndClosingOneFreesItsPlace() {
        BucketSubscription first = service.watch(ann, StatsDimension.MAKE, Optional.empty());
        assertThrows(TooManyAlertStreamsException.class, () -> service.watch(ann, StatsDimension.MAKE, Optional.empty()));
        first.close();
        first.close();
        service.watch(ann, StatsDimension.MAKE, Optional.empty()).close();
    }
}
