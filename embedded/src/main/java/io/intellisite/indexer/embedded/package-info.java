/** Real infrastructure started in-process for the one-command run and the tests: a KRaft Kafka broker and PostgreSQL. */
package io.intellisite.indexer.embedded;
