/**
 * The Kafka adapter, by feature: {@code pipeline} (topology, indexer, recovery), {@code alerts} (the live feed),
 * {@code rules}, {@code wire} (the records' formats) and {@code demo}; here, what they share: topic names and set-up.
 */
package io.intellisite.indexer.adapters.kafka;
