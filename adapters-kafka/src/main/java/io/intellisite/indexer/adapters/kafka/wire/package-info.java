/** The record formats on the product's topics: detections, alerts, rules and dead-letter headers, each owned by one class. */
package io.intellisite.indexer.adapters.kafka.wire;
