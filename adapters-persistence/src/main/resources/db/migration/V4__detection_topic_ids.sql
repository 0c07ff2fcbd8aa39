-- A record is identified by its topic's id (KIP-516) as well as the topic's name, partition and offset: a topic
-- deleted and created again, or the same name on another cluster, starts its offsets again from 0, and with the
-- name alone its records were taken for replays of stored ones and dropped. Adding a column with a constant
-- default rewrites no row; the rows stored before get the nil id until the product adopts them (below).
alter table detections add column source_topic_id uuid not null default '00000000-0000-0000-0000-000000000000';
alter table detections alter column source_topic_id drop default;
alter table detections drop constraint detections_source_key;
alter table detections add constraint detections_source_key unique (source_partition, source_offset, source_topic_id, source_topic);

-- At its first start with topic ids, an instance gives the rows of each topic name stored before the id of the
-- topic of that name then (the one they most likely came from), once, so that a record of it read again after
-- the upgrade is still known as stored.
create table detection_topics_adopted (
    topic      text        primary key,
    topic_id   uuid        not null,
    adopted_at timestamptz not null default now()
);
