package io.intellisite.indexer.adapters.persistence;

import org.jdbi.v3.core.Jdbi;

/** The counts the store keeps beside the rows, compared with a GROUP BY over the rows (also used by the system tests). */
public final class RollupCheck {
    private RollupCheck() {
    }

    /**
     * How many (bucket size, dimension, bucket, value) counts differ from a {@code GROUP BY date_trunc(...)} over the
     * stored detections: 0 when nothing was lost or doubled.
     */
    public static long bucketsOffTheirGroupBy(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("""
                with truth as (
                    select s.size, v.dimension, date_trunc(s.size, d.detected_at, 'UTC') as bucket, v.value, count(*) as n
                    from detections d
                    cross join (values ('minute'), ('hour'), ('day')) as s(size)
                    cross join lateral (
                        select 'make', d.make
                        union all
                        select 'category', c from unnest(string_to_array(d.category, ',')) as part, btrim(part) as c where c <> ''
                    ) as v(dimension, value)
                    group by 1, 2, 3, 4
                )
                select count(*) from truth t full join detection_counts k
                    on k.bucket_size = t.size and k.dimension = t.dimension and k.bucket = t.bucket and k.value = t.value
                where coalesce(k.count, 0) <> coalesce(t.n, 0)""").mapTo(Long.class).one());
    }
}
