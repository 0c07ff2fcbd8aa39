-- seq gives ingestion order and the keyset cursor. A record's source position identifies it, so a replay
-- after a crash conflicts on it and inserts nothing; id is derived from that position (so unique too), and
-- the unique key is on the position, which grows per partition: cheap to insert, unlike a random UUID.
create table detections (
    seq              bigint generated always as identity primary key,
    id               uuid        not null,
    source_topic     text        not null,
    source_partition int         not null,
    source_offset    bigint      not null,
    detected_at      timestamptz not null,
    year             int         not null,
    make             text        not null,
    model            text        not null,
    category         text        not null,
    categories       text[]      not null,
    raw              json        not null, -- json, not jsonb: the record is kept byte for byte
    constraint detections_source_key unique (source_partition, source_offset, source_topic)
);
create index detections_by_make on detections (lower(make), seq);
-- No index on categories: a GIN index cost about a tenth of the ingest rate, and a category filter walks
-- the primary key from the cursor, so its cost follows the category's rarity, not the page's depth.
create index detections_by_time on detections (detected_at, seq);

-- Kept exact in the same transaction as the inserts, so /stats costs O(number of makes).
create table make_counts (
    make  text primary key,
    count bigint not null check (count >= 0)
);
