package io.intellisite.indexer.adapters.http;

/** The rules API suite on the in-memory rule repository. */
class InMemoryRulesApiTest extends RulesApiTests {
}
