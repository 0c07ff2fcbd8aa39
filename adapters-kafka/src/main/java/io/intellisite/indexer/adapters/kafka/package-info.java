/** The Kafka adapter: the detection topology (index, alert, dead-letter), topic set-up, the alert feed and a producer. */
package io.intellisite.indexer.adapters.kafka;
