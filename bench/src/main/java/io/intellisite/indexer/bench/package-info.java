/** Benchmark commands that print the figures BENCHMARKS.md reports ({@code ./indexer bench ...}). */
package io.intellisite.indexer.bench;
