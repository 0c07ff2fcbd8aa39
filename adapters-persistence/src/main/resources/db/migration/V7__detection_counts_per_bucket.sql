-- Detections counted per minute, hour and day (UTC, by each detection's own time) and per make and per category,
-- kept exact in the same transaction as the inserts, as make_counts is: a time series then costs O(buckets asked
-- for x values in them), whatever the number of rows stored. A detection arriving late adds to its own, older
-- bucket. A detection listing several categories counts under each.
create table detection_counts (
    bucket_size text        not null check (bucket_size in ('minute', 'hour', 'day')),
    dimension   text        not null check (dimension in ('make', 'category')),
    bucket      timestamptz not null,
    value       text        not null,
    count       bigint      not null check (count >= 0),
    primary key (bucket_size, dimension, bucket, value)
);

-- The rows stored before: once, at the upgrade. Categories are split on commas and trimmed as Detection#categories
-- does (SQL trims ASCII white space only; a category padded with other white space would count apart).
insert into detection_counts (bucket_size, dimension, bucket, value, count)
select s.size, v.dimension, date_trunc(s.size, d.detected_at, 'UTC'), v.value, count(*)
from detections d
cross join (values ('minute'), ('hour'), ('day')) as s(size)
cross join lateral (
    select 'make', d.make
    union all
    select 'category', c from (select btrim(part, E' \t\n\r\f\v') as c from unnest(string_to_array(d.category, ',')) as part) p where c <> ''
) as v(dimension, value)
group by 1, 2, 3, 4;
