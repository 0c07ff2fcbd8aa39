/** The detection pipeline: the Kafka Streams topology that raises alerts, the indexer that stores detections, and their recovery. */
package io.intellisite.indexer.adapters.kafka.pipeline;
