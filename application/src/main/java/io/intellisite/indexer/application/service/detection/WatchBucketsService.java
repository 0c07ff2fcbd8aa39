package io.intellisite.indexer.application.service.detection;

import io.intellisite.indexer.application.model.BucketEvent;
import io.intellisite.indexer.application.model.BucketSubscription;
import io.intellisite.indexer.application.model.TimeSeriesQuery;
import io.intellisite.indexer.application.port.in.Principal;
import io.intellisite.indexer.application.port.in.detection.WatchBucketsUseCase;
import io.intellisite.indexer.application.port.out.DetectionRepository;
import io.intellisite.indexer.application.port.out.StoreBusyException;
import io.intellisite.indexer.application.service.Quota;
import io.intellisite.indexer.domain.InvalidValueException;
import io.intellisite.indexer.domain.detection.BucketCount;
import io.intellisite.indexer.domain.detection.BucketSize;
import io.intellisite.indexer.domain.detection.StatsDimension;
import io.intellisite.indexer.domain.detection.ValueCount;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Follows the per-minute counts for one caller. A minute is delivered once it has settled, {@link #SETTLE} after its
 * end: the indexer stores a detection within about a second of its record, so by then the minute's count is what
 * {@code GET /stats} gives. A detection that arrives later still counts there, in its own minute, but that minute is
 * not delivered again. Minutes with no detection are delivered too, with no counts, so a chart moves on.
 */
public final class WatchBucketsService implements WatchBucketsUseCase {
    static final Duration SETTLE = Duration.ofSeconds(5);
    /** A day of minutes: what a resume may ask for again, and no more. */
    static final int MAX_REPLAY_MINUTES = 1_440;
    /** Minutes read from the store at once while catching up (a subscription holds no more than these in memory). */
    private static final int PER_READ = 60;
    private static final Duration MINUTE = BucketSize.MINUTE.length();
    private final DetectionRepository detections;
    private final Clock clock;
    private final Quota streams;
    /**
     * The reads in flight or just done, shared: every live subscriber asks for the same minute at the same moment, 5 s
     * past each minute, and twenty thousand of them reading it apiece would take the API's read pool for seconds.
     */
    private final Map<Read, CompletableFuture<List<BucketCount>>> reads = new ConcurrentHashMap<>();

    private record Read(StatsDimension by, Instant from, Instant to) {
    }

    public WatchBucketsService(DetectionRepository detections, Clock clock, Quota streams) {
        this.detections = detections;
        this.clock = clock;
        this.streams = streams;
    }

    @Override
    public BucketSubscription watch(Principal actor, StatsDimension by, Optional<String> resumeAfter) {
        Objects.requireNonNull(actor, "an authenticated caller is required");
        Instant current = BucketSize.MINUTE.floor(clock.instant());
        Instant earliest = current.minus(MINUTE.multipliedBy(MAX_REPLAY_MINUTES));
        Instant first = resumeAfter.map(WatchBucketsService::minuteOf).map(m -> m.plus(MINUTE))
                .map(m -> m.isBefore(earliest) ? earliest : m.isAfter(current) ? current : m).orElse(current);
        String caller = actor.claims().subject();
        streams.reserve(caller);
        return new Subscription(by, first, () -> streams.release(caller));
    }

    /** One read per range at a time; a failed one is forgotten, so the next asker reads again. */
    private List<BucketCount> shared(Read read) {
        CompletableFuture<List<BucketCount>> mine = new CompletableFuture<>();
        CompletableFuture<List<BucketCount>> theirs = reads.putIfAbsent(read, mine);
        if (theirs != null) {
            try {
                return theirs.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        Instant stale = read.to().minus(MINUTE.multipliedBy(2));
        reads.keySet().removeIf(r -> r.to().isBefore(stale));
        try {
            List<BucketCount> counts = detections.countsPerBucket(new TimeSeriesQuery.Range(BucketSize.MINUTE, read.by(), read.from(), read.to()));
            mine.complete(counts);
            return counts;
        } catch (RuntimeException e) {
            reads.remove(read, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private static Instant minuteOf(String id) {
        try {
            return BucketSize.MINUTE.floor(Instant.parse(id));
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("the resume id must be a minute's id, e.g. 2026-12-02T10:00:00Z");
        }
    }

    private final class Subscription implements BucketSubscription {
        private final StatsDimension by;
        private final Deque<BucketEvent> ready = new ArrayDeque<>();
        private final Runnable release;
        private final AtomicBoolean closed = new AtomicBoolean();
        private Instant next;

        Subscription(StatsDimension by, Instant first, Runnable release) {
            this.by = by;
            this.next = first;
            this.release = release;
        }

        @Override
        public Optional<BucketEvent> next(Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (ready.isEmpty()) {
                Instant now = clock.instant();
                Instant settled = BucketSize.MINUTE.floor(now.minus(SETTLE)); // the minutes before it have settled
                Duration wait = Duration.between(now, next.plus(MINUTE).plus(SETTLE));
                if (next.isBefore(settled) && !read(settled)) {
                    wait = Duration.ofSeconds(1); // the store is busy: try again shortly, nothing skipped
                }
                long left = deadline - System.nanoTime();
                if (ready.isEmpty()) {
                    if (left <= 0) {
                        return Optional.empty();
                    }
                    Thread.sleep(Duration.ofNanos(Math.max(1_000_000, Math.min(left, wait.toNanos()))));
                }
            }
            return Optional.of(ready.poll());
        }

        /** Queues the settled minutes from {@code next} on (up to {@link #PER_READ}); false if the store was busy. */
        private boolean read(Instant settled) {
            Instant to = next.plus(MINUTE.multipliedBy(PER_READ)).isBefore(settled) ? next.plus(MINUTE.multipliedBy(PER_READ)) : settled;
            List<BucketCount> counts;
            try {
                counts = shared(new Read(by, next, to));
            } catch (StoreBusyException busy) {
                return false;
            }
            int i = 0;
            for (Instant minute = next; minute.isBefore(to); minute = minute.plus(MINUTE)) {
                List<ValueCount> values = new ArrayList<>();
                for (; i < counts.size() && counts.get(i).start().equals(minute); i++) {
                    values.add(new ValueCount(counts.get(i).value(), counts.get(i).count()));
                }
                ready.add(new BucketEvent(minute, by, values));
            }
            next = to;
            return true;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                release.run();
            }
        }
    }
}
