package io.intellisite.indexer.adapters.http;

/** The API suite with the in-memory repositories swapped in. */
class InMemoryUsersApiTest extends UsersApiTests {
}
