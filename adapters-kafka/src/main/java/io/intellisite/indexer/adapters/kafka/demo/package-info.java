/** Realistic random detections for the demo run and {@code ./indexer produce}. */
package io.intellisite.indexer.adapters.kafka.demo;
