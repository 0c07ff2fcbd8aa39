/** PostgreSQL adapter: JDBI 3 repositories over a HikariCP pool, schema managed by Flyway. */
package io.intellisite.indexer.adapters.persistence;
