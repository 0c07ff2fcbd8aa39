/** How the product's, Kafka's and Helidon's log lines are written: text or JSON, one place, without known noise. */
package io.intellisite.indexer.bootstrap.logging;
