package io.intellisite.indexer.adapters.persistence;

import io.intellisite.indexer.application.model.DetectionPage;
import io.intellisite.indexer.application.model.DetectionQuery;
import io.intellisite.indexer.domain.detection.Detection;
import io.intellisite.indexer.domain.detection.IndexedDetection;
import io.intellisite.indexer.domain.detection.SourcePosition;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * Pages of the stored detections (written by {@link JdbiDetectionRepository#store}), read on the API's pool, in
 * ingestion order: a page after a cursor starts at the cursor's sequence number, however deep it is.
 */
final class DetectionPages {
    private final Jdbi reads;

    DetectionPages(Jdbi reads) {
        this.reads = reads;
    }

    DetectionPage find(DetectionQuery query) {
        StringBuilder sql = new StringBuilder("""
                select seq, id, source_topic, source_topic_id, source_partition, source_offset, detected_at, year, make, model,
                       category, raw::text as raw
                from detections where seq""" + (query.newestFirst() ? " < :after" : " > :after"));
        query.make().ifPresent(m -> sql.append(" and lower(make) = :make"));
        query.category().ifPresent(c -> sql.append(" and categories @> array[cast(:category as text)]"));
        query.from().ifPresent(f -> sql.append(" and detected_at >= :from"));
        query.to().ifPresent(t -> sql.append(" and detected_at < :to"));
        sql.append(query.newestFirst() ? " order by seq desc" : " order by seq").append(" limit :limit offset :skip");
        int limit = query.page().limit();
        List<DetectionPage.Entry> rows = StoreFailures.busyIfUnavailable(() -> reads.withHandle(h -> {
            Query q = h.createQuery(sql.toString())
                    .bind("after", query.afterSequence().orElse(query.newestFirst() ? Long.MAX_VALUE : 0L))
                    .bind("limit", limit + 1)
                    .bind("skip", query.page().skip());
            query.make().ifPresent(m -> q.bind("make", m.strip().toLowerCase(Locale.ROOT)));
            query.category().ifPresent(c -> q.bind("category", c.strip().toLowerCase(Locale.ROOT)));
            query.from().ifPresent(f -> q.bind("from", Timestamp.from(f)));
            query.to().ifPresent(t -> q.bind("to", Timestamp.from(t)));
            return q.map((rs, ctx) -> new DetectionPage.Entry(rs.getLong("seq"), new IndexedDetection(
                    rs.getObject("id", UUID.class),
                    new SourcePosition(rs.getString("source_topic"), rs.getObject("source_topic_id", UUID.class),
                            rs.getInt("source_partition"), rs.getLong("source_offset")),
                    rs.getObject("detected_at", OffsetDateTime.class).toInstant(),
                    new Detection(rs.getInt("year"), rs.getString("make"), rs.getString("model"), rs.getString("category")),
                    rs.getString("raw")))).list();
        }));
        boolean more = rows.size() > limit;
        List<DetectionPage.Entry> page = more ? new ArrayList<>(rows.subList(0, limit)) : rows;
        return new DetectionPage(page, more ? Optional.of(page.getLast().sequence()) : Optional.empty());
    }
}
