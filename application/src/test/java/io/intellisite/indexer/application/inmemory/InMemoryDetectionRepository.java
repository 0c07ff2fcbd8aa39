package io.intellisite.indexer.application.inmemory;

import io.intellisite.indexer.application.model.DetectionPage;
import io.intellisite.indexer.application.model.DetectionQuery;
import io.intellisite.indexer.application.model.TimeSeriesQuery;
import io.intellisite.indexer.domain.detection.BucketCount;
import io.intellisite.indexer.domain.detection.BucketSize;
import io.intellisite.indexer.application.port.out.DetectionRepository;
import io.intellisite.indexer.domain.detection.IndexedDetection;
import io.intellisite.indexer.domain.detection.MakeCount;
import io.intellisite.indexer.domain.detection.SourcePosition;
import io.intellisite.indexer.domain.detection.StatsDimension;
import io.intellisite.indexer.domain.detection.ValueCount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/** Detections in a list, counts in a sorted map: the reference behaviour the PostgreSQL adapter must match. */
public final class InMemoryDetectionRepository implements DetectionRepository {
    private final List<DetectionPage.Entry> rows = new ArrayList<>();
    private final Set<SourcePosition> stored = new HashSet<>();
    private final Set<String> adopted = new HashSet<>();
    private final TreeMap<String, Long> counts = new TreeMap<>();
    private final Map<Instant, Boolean> minutesDroppedBefore = new java.util.HashMap<>();

    @Override
    public synchronized int store(List<IndexedDetection> batch) {
        int added = 0;
        for (IndexedDetection d : batch) {
            if (stored.add(d.source())) {
                rows.add(new DetectionPage.Entry(rows.size() + 1L, d));
                counts.merge(d.detection().make(), 1L, Long::sum);
                added++;
            }
        }
        return added;
    }

    @Override
    public synchronized int adoptUnrecordedRows(String topic, UUID topicId) {
        if (!adopted.add(topic)) {
            return 0;
        }
        int changed = 0;
        for (int i = 0; i < rows.size(); i++) {
            IndexedDetection d = rows.get(i).detection();
            if (d.source().topic().equals(topic) && d.source().topicId().equals(SourcePosition.UNRECORDED_TOPIC_ID)) {
                SourcePosition adoptedAt = new SourcePosition(topic, topicId, d.source().partition(), d.source().offset());
                stored.remove(d.source());
                stored.add(adoptedAt);
                rows.set(i, new DetectionPage.Entry(rows.get(i).sequence(),
                        new IndexedDetection(d.id(), adoptedAt, d.detectedAt(), d.detection(), d.rawJson())));
                changed++;
            }
        }
        return changed;
    }

    @Override
    public synchronized DetectionPage find(DetectionQuery query) {
        List<DetectionPage.Entry> matching = (query.newestFirst() ? rows.reversed() : rows).stream()
                .filter(e -> query.afterSequence().map(after -> query.newestFirst() ? e.sequence() < after : e.sequence() > after).orElse(true))
                .filter(e -> query.make().map(m -> e.detection().detection().make().equalsIgnoreCase(m)).orElse(true))
                .filter(e -> query.category().map(c -> e.detection().detection().categories().stream()
                        .anyMatch(x -> x.toLowerCase(Locale.ROOT).equals(c.strip().toLowerCase(Locale.ROOT))))
                        .orElse(true))
                .filter(e -> query.from().map(f -> !e.detection().detectedAt().isBefore(f)).orElse(true))
                .filter(e -> query.to().map(t -> e.detection().detectedAt().isBefore(t)).orElse(true))
                .skip(query.page().skip())
                .limit(query.page().limit() + 1L)
                .toList();
        boolean more = matching.size() > query.page().limit();
        List<DetectionPage.Entry> page = more ? matching.subList(0, query.page().limit()) : matching;
        return new DetectionPage(page, more ? Optional.of(page.getLast().sequence()) : Optional.empty());
    }

    @Override
    public synchronized List<MakeCount> countsByMake() {
        return counts.entrySet().stream().map(e -> new MakeCount(e.getKey(), e.getValue())).toList();
    }

    /** A GROUP BY over the rows, as the rollups must answer; the minutes dropped answer none. */
    @Override
    public synchronized List<BucketCount> countsPerBucket(TimeSeriesQuery.Range range) {
        Map<Instant, TreeMap<String, Long>> buckets = new TreeMap<>();
        for (DetectionPage.Entry e : rows) {
            Instant t = e.detection().detectedAt();
            boolean dropped = range.size() == BucketSize.MINUTE && minutesDroppedBefore.containsKey(BucketSize.MINUTE.floor(t));
            if (!dropped && !t.isBefore(range.from()) && t.isBefore(range.to())) {
                for (String value : range.by().valuesOf(e.detection().detection())) {
                    buckets.computeIfAbsent(range.size().floor(t), k -> new TreeMap<>()).merge(value, 1L, Long::sum);
                }
            }
        }
        List<BucketCount> out = new ArrayList<>();
        buckets.forEach((start, values) -> values.forEach((value, n) -> out.add(new BucketCount(start, value, n))));
        return out;
    }

    /** Remembers the minutes whose counts were dropped (those that had any): the rows stay, as in the store. */
    @Override
    public synchronized long dropMinuteCountsBefore(Instant before) {
        long dropped = 0;
        for (DetectionPage.Entry e : rows) {
            Instant minute = BucketSize.MINUTE.floor(e.detection().detectedAt());
            if (minute.isBefore(before) && minutesDroppedBefore.put(minute, Boolean.TRUE) == null) {
                dropped += e.detection().detection().categories().size() + 1L;
            }
        }
        return dropped;
    }

    @Override
    public synchronized List<ValueCount> top(StatsDimension by, Instant since, int n) {
        TreeMap<String, Long> seen = new TreeMap<>();
        rows.stream().filter(e -> !e.detection().detectedAt().isBefore(since)
                        && !minutesDroppedBefore.containsKey(BucketSize.MINUTE.floor(e.detection().detectedAt())))
                .forEach(e -> by.valuesOf(e.detection().detection()).forEach(v -> seen.merge(v, 1L, Long::sum)));
        return seen.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(n).map(e -> new ValueCount(e.getKey(), e.getValue())).toList();
    }
}
