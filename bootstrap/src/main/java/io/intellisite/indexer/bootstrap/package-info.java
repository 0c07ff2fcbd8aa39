/** Bootstrap: reads configuration, starts or connects to Kafka and PostgreSQL, wires the adapters, runs the product. */
package io.intellisite.indexer.bootstrap;
