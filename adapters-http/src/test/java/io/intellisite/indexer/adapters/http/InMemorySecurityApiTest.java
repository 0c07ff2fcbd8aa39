package io.intellisite.indexer.adapters.http;

/** The hostile-input set on the in-memory repositories. */
class InMemorySecurityApiTest extends SecurityApiTests {
}
