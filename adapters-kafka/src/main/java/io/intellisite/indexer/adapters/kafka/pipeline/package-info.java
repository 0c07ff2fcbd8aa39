/** The detection pipeline: the Kafka Streams topology that raises alerts, and the indexer that stores detections. */
package io.intellisite.indexer.adapters.kafka.pipeline;
