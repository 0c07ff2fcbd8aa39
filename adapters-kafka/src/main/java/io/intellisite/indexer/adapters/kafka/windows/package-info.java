/** The windowed alert rules in the topology: each group's matches counted in changelog-backed state, one task per group. */
package io.intellisite.indexer.adapters.kafka.windows;
