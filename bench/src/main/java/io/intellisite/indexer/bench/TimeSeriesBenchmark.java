package io.intellisite.indexer.bench;

import io.intellisite.indexer.adapters.persistence.PostgresDatabase;
import java.net.http.HttpClient;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

/**
 * GET /stats?interval=... over HTTP (served from the per-bucket counts) beside the same answer computed by PostgreSQL
 * as a {@code GROUP BY date_trunc(...)} over the stored rows, in the same run: the reference is what the endpoint
 * would cost without the counts. Each is timed to its median; the ratio is ours over the reference.
 */
final class TimeSeriesBenchmark {
    private static final long BUDGET_NANOS = 20_000_000_000L;

    private record Case(String interval, Instant from, Instant to) {
    }

    private TimeSeriesBenchmark() {
    }

    /** The loaded rows lie in [{@code first}, {@code last}]. */
    static void run(HttpClient client, String base, String token, PostgresDatabase db, Instant first, Instant last, int requests) throws Exception {
        Instant middle = first.plusMillis((last.toEpochMilli() - first.toEpochMilli()) / 2);
        Instant hour = middle.truncatedTo(ChronoUnit.HOURS);
        Instant day = middle.truncatedTo(ChronoUnit.DAYS);
        for (Case c : List.of(new Case("minute", hour, hour.plusSeconds(3_600)), new Case("hour", day, day.plusSeconds(86_400)),
                new Case("day", first.truncatedTo(ChronoUnit.DAYS), last.truncatedTo(ChronoUnit.DAYS).plusSeconds(86_400)))) {
            String url = base + "/stats?interval=" + c.interval() + "&by=make&from=" + c.from() + "&to=" + c.to();
            long rows = db.jdbi().withHandle(h -> h.createQuery("select count(*) from detections where detected_at >= :from and detected_at < :to")
                    .bind("from", OffsetDateTime.ofInstant(c.from(), ZoneOffset.UTC)).bind("to", OffsetDateTime.ofInstant(c.to(), ZoneOffset.UTC))
                    .mapTo(Long.class).one());
            double ours = median(requests, () -> HttpBenchmark.get(client, token, url));
            double reference = median(requests, () -> db.jdbi().useHandle(h -> h.createQuery("""
                            select date_trunc(:size, detected_at, 'UTC') as bucket, make, count(*) from detections
                            where detected_at >= :from and detected_at < :to group by 1, 2 order by 1, 2""")
                    .bind("size", c.interval()).bind("from", OffsetDateTime.ofInstant(c.from(), ZoneOffset.UTC))
                    .bind("to", OffsetDateTime.ofInstant(c.to(), ZoneOffset.UTC)).mapToMap().list()));
            System.out.printf("time series by %s over %,d stored rows in range: reference GROUP BY date_trunc %.2f ms, ours (GET /stats over"
                    + " HTTP) %.2f ms, ratio %.3f%n", c.interval(), rows, reference, ours, ours / reference);
        }
    }

    /** The median of up to {@code times} runs, fewer when they pass the time budget (a full scan of 10M rows takes seconds). */
    private static double median(int times, Action action) throws Exception {
        action.run(); // warm: plan and pages cached for both alike
        long[] nanos = new long[times];
        int done = 0;
        long started = System.nanoTime();
        while (done < times && (done < 3 || System.nanoTime() - started < BUDGET_NANOS)) {
            long t0 = System.nanoTime();
            action.run();
            nanos[done++] = System.nanoTime() - t0;
        }
        long[] taken = Arrays.copyOf(nanos, done);
        Arrays.sort(taken);
        return taken[done / 2] / 1e6;
    }

    private interface Action {
        void run() throws Exception;
    }
}
