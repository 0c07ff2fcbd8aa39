package io.intellisite.indexer.systemtests;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.common.TopicPartition;

/** What a broker knows of open transactions, for a test that finds the pipeline stuck to print. */
final class TransactionReport {
    private TransactionReport() {
    }

    static String of(String broker) {
        StringBuilder out = new StringBuilder();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker))) {
            var listings = admin.listTransactions().all().get(10, TimeUnit.SECONDS);
            for (TransactionListing t : listings) {
                out.append("  ").append(t).append('\n');
            }
            List<String> ids = listings.stream().map(TransactionListing::transactionalId).toList();
            admin.describeTransactions(ids).all().get(10, TimeUnit.SECONDS)
                    .forEach((id, d) -> out.append("  ").append(id).append(": ").append(d).append('\n'));
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of("__consumer_offsets", "intellisite.alerts", "intellisite.detections.dlq")) {
                admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic).partitions()
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            admin.describeProducers(partitions).all().get(10, TimeUnit.SECONDS).forEach((tp, d) -> d.activeProducers().stream()
                    .filter(p -> p.currentTransactionStartOffset().isPresent())
                    .forEach(p -> out.append("  open on ").append(tp).append(": ").append(p).append('\n')));
        } catch (Exception e) {
            out.append("  (could not ask: ").append(e).append(")\n");
        }
        return out.toString();
    }
}
