package io.intellisite.indexer.domain.archfixture;

import java.sql.Connection;
import org.apache.kafka.common.TopicPartition;

/** A deliberately wrong domain class, compiled only in the test tree, to prove the rules catch it. */
public final class DomainClassUsingJdbc {
    public boolean isOpen(Connection connection) throws java.sql.SQLException {
        return !connection.isClosed();
    }

    public String source(TopicPartition partition) {
        return partition.topic();
    }
}
