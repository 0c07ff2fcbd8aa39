package io.intellisite.indexer.application.inmemory;

import io.intellisite.indexer.application.model.DetectionPage;
import io.intellisite.indexer.application.model.DetectionQuery;
import io.intellisite.indexer.application.port.out.DetectionRepository;
import io.intellisite.indexer.domain.detection.IndexedDetection;
import io.intellisite.indexer.domain.detection.MakeCount;
import io.intellisite.indexer.domain.detection.SourcePosition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
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
        List<DetectionPage.Entry> matching = rows.stream()
                .filter(e -> query.afterSequence().map(after -> e.sequence() > after).orElse(true))
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
}
