package io.intellisite.indexer.adapters.persistence;

import io.intellisite.indexer.application.model.DetectionPage;
import io.intellisite.indexer.application.model.DetectionQuery;
import io.intellisite.indexer.application.model.TimeSeriesQuery;
import io.intellisite.indexer.application.port.out.DetectionRepository;
import io.intellisite.indexer.domain.detection.BucketCount;
import io.intellisite.indexer.domain.detection.Detection;
import io.intellisite.indexer.domain.detection.IndexedDetection;
import io.intellisite.indexer.domain.detection.MakeCount;
import io.intellisite.indexer.domain.detection.SourcePosition;
import io.intellisite.indexer.domain.detection.StatsDimension;
import io.intellisite.indexer.domain.detection.ValueCount;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

public final class JdbiDetectionRepository implements DetectionRepository {
    /*
     * One statement per batch: the rows travel as arrays (one round trip whatever the batch size) and get their
     * sequence numbers in the batch's order (ingestion order), replays are
     * skipped by the unique source position, and only rows really inserted feed the per-make counts, in the same
     * transaction: the all-time per-make counts and the per-bucket ones (minute, hour and day; make and category),
     * each upserted in key order so that concurrent batches lock rows in one order. The rows are grouped by minute
     * once and the hours and days summed from those groups, not from the rows again.
     * Per-row work is kept out of SQL where Java has it already: the searchable categories come lowercased and
     * joined (a subquery per row cost about 1.4 s of server CPU per million rows), and the time is exact integer
     * microseconds (no numeric division).
     */
    private static final String STORE = """
            with input as (
                select * from unnest(:ids::uuid[], :topics::text[], :topicIds::uuid[], :partitions::int[], :offsets::bigint[],
                                     :times::bigint[], :years::int[], :makes::text[], :models::text[],
                                     :categories::text[], :searchable::text[], :listed::text[], :raws::text[]) with ordinality
                       as t(id, topic, topic_id, part, off, micros, year, make, model, category, searchable, listed, raw, position)
            ), inserted as (
                insert into detections (id, source_topic, source_topic_id, source_partition, source_offset, detected_at,
                                        year, make, model, category, categories, raw)
                select id, topic, topic_id, part, off, timestamptz 'epoch' + micros * interval '1 microsecond', year, make,
                       model, category, string_to_array(searchable, ','), raw::json
                from input order by position
                on conflict (source_partition, source_offset, source_topic_id, source_topic) do nothing
                returning id, make, detected_at
            ), counted as (
                insert into make_counts (make, count)
                select make, count(*) from inserted group by make order by make
                on conflict (make) do update set count = make_counts.count + excluded.count
                returning 1
            ), per_minute as (
                select date_trunc('minute', i.detected_at, 'UTC') as minute, v.dimension, v.value, count(*) as n
                from inserted i join (select distinct on (id) id, listed from input) l using (id)
                cross join lateral (select 'make', i.make union all select 'category', unnest(string_to_array(l.listed, ','))) as v(dimension, value)
                group by 1, 2, 3
            ), bucketed as (
                insert into detection_counts (bucket_size, dimension, bucket, value, count)
                select s.size, p.dimension, date_trunc(s.size, p.minute, 'UTC'), p.value, sum(p.n)
                from per_minute p cross join (values ('minute'), ('hour'), ('day')) as s(size)
                group by 1, 2, 3, 4 order by 1, 2, 3, 4
                on conflict (bucket_size, dimension, bucket, value) do update set count = detection_counts.count + excluded.count
                returning 1
            )
            select (select count(*) from inserted), (select count(*) from counted), (select count(*) from bucketed)""";

    private final Jdbi jdbi;
    private final Jdbi reads;
    private final DetectionCounts counts;
    private final DetectionPages pages;

    /** Writes and reads on one pool: for tests and tools. */
    public JdbiDetectionRepository(Jdbi jdbi) {
        this(jdbi, jdbi);
    }

    /** Writes (the indexer) on {@code jdbi}, the API's reads on {@code reads}, so that reads cannot stall indexing. */
    public JdbiDetectionRepository(Jdbi jdbi, Jdbi reads) {
        this.jdbi = jdbi;
        this.reads = reads;
        this.counts = new DetectionCounts(jdbi, reads);
        this.pages = new DetectionPages(reads);
    }

    public static JdbiDetectionRepository on(PostgresDatabase database) {
        return new JdbiDetectionRepository(database.jdbi(), database.reads());
    }

    @Override
    public int store(List<IndexedDetection> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        int n = batch.size();
        UUID[] ids = new UUID[n];
        String[] topics = new String[n];
        UUID[] topicIds = new UUID[n];
        Integer[] partitions = new Integer[n];
        Long[] offsets = new Long[n];
        Long[] times = new Long[n];
        Integer[] years = new Integer[n];
        String[] makes = new String[n];
        String[] models = new String[n];
        String[] categories = new String[n];
        String[] searchable = new String[n];
        String[] listed = new String[n];
        String[] raws = new String[n];
        for (int i = 0; i < n; i++) {
            IndexedDetection d = batch.get(i);
            ids[i] = d.id();
            topics[i] = d.source().topic();
            topicIds[i] = d.source().topicId();
            partitions[i] = d.source().partition();
            offsets[i] = d.source().offset();
            times[i] = d.detectedAt().getEpochSecond() * 1_000_000L + d.detectedAt().getNano() / 1_000;
            years[i] = d.detection().year();
            makes[i] = d.detection().make();
            models[i] = d.detection().model();
            categories[i] = d.detection().category();
            searchable[i] = searchable(d.detection());
            listed[i] = String.join(",", d.detection().categories());
            raws[i] = d.rawJson();
        }
        try {
            return jdbi.inTransaction(h -> h.createQuery(STORE)
                    .bind("ids", ids).bind("topics", topics).bind("topicIds", topicIds).bind("partitions", partitions).bind("offsets", offsets)
                    .bind("times", times).bind("years", years).bind("makes", makes).bind("models", models)
                    .bind("categories", categories).bind("searchable", searchable).bind("listed", listed).bind("raws", raws)
                    .map((rs, ctx) -> rs.getInt(1)).one());
        } catch (JdbiException e) {
            throw StoreFailures.refusedForContent(e).orElseThrow(() -> e);
        }
    }

    /** The categories as the category filter compares them: trimmed, lowercased, comma-joined for one array. */
    private static String searchable(Detection detection) {
        List<String> categories = detection.categories();
        StringBuilder joined = new StringBuilder(detection.category().length());
        for (String c : categories) {
            if (!joined.isEmpty()) {
                joined.append(',');
            }
            joined.append(c.toLowerCase(Locale.ROOT));
        }
        return joined.toString();
    }

    @Override
    public int adoptUnrecordedRows(String topic, UUID topicId) {
        // The claim and the update share one statement's snapshot: only the instance whose claim is new updates.
        return jdbi.withHandle(h -> h.createUpdate("""
                        with claim as (
                            insert into detection_topics_adopted (topic, topic_id) values (:topic, :topicId)
                            on conflict (topic) do nothing returning topic
                        )
                        update detections set source_topic_id = :topicId
                        where source_topic = (select topic from claim) and source_topic_id = :unrecorded""")
                .bind("topic", topic).bind("topicId", topicId).bind("unrecorded", SourcePosition.UNRECORDED_TOPIC_ID).execute());
    }

    @Override
    public DetectionPage find(DetectionQuery query) {
        return pages.find(query);
    }

    @Override
    public List<BucketCount> countsPerBucket(TimeSeriesQuery.Range range) {
        return counts.perBucket(range);
    }

    @Override
    public List<ValueCount> top(StatsDimension by, Instant since, int n) {
        return counts.top(by, since, n);
    }

    @Override
    public long dropMinuteCountsBefore(Instant before) {
        return counts.dropMinutesBefore(before);
    }

    @Override
    public List<MakeCount> countsByMake() {
        return counts.byMake();
    }
}
