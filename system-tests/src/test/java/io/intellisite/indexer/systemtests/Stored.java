package io.intellisite.indexer.systemtests;

import io.intellisite.indexer.adapters.persistence.PostgresDatabase;

/** What the product stored, read straight from PostgreSQL: the figures the fault tests compare with what they sent. */
final class Stored {
    private Stored() {
    }

    static long count(PostgresDatabase db, String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    static long detections(PostgresDatabase db) {
        return count(db, "select count(*) from detections");
    }

    /** How many makes' kept counts differ from a GROUP BY over the stored rows: 0 when nothing was lost or doubled. */
    static long makeCountsOffTheirGroupBy(PostgresDatabase db) {
        return count(db, """
                select count(*) from make_counts m full join (select make, count(*) as n from detections group by make) g
                on g.make = m.make where m.count is distinct from g.n""");
    }
}
