/** The live alert feed: one read_committed reader of the alerts topic per instance, shared by every subscriber. */
package io.intellisite.indexer.adapters.kafka.alerts;
