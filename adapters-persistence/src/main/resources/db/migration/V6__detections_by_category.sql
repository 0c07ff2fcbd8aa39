-- Serves the category filter of /detections (categories @> array[...]). Without it, a category that is rare or
-- absent made the filter walk every row (bounded only by the reads' time limit): any viewer could keep the reads'
-- pool busy with one such query after another. Its cost on ingest, measured: none above the noise (BENCHMARKS-LOG.md, 2026-12-02, third session).
create index detections_by_category on detections using gin (categories);
