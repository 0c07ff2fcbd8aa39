/** Watches whether the pipeline moves, and ends the transactions that a crash or a lost marker left hanging. */
package io.intellisite.indexer.adapters.kafka.recovery;
