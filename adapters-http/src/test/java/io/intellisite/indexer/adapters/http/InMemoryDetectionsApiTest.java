package io.intellisite.indexer.adapters.http;

/** The detections and stats suite with the in-memory repositories swapped in. */
class InMemoryDetectionsApiTest extends DetectionsApiTests {
}
