/** Alert rules on Kafka: published to the compacted rules topic, read by every pipeline as a global table. */
package io.intellisite.indexer.adapters.kafka.rules;
