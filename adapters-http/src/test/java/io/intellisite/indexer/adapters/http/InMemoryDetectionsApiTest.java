package io.intellisite.indexer.adapters.http;

import io.intellisite.indexer.application.inmemory.InMemoryDetectionRepository;
import io.intellisite.indexer.application.inmemory.InMemoryUserRepository;
import io.intellisite.indexer.application.port.out.DetectionRepository;
import io.intellisite.indexer.application.port.out.UserRepository;

/** The detections and stats suite with the in-memory repositories swapped in. */
class InMemoryDetectionsApiTest extends DetectionsApiTests {
    @Override
    protected UserRepository emptyUserRepository() {
        return new InMemoryUserRepository();
    }

    @Override
    protected DetectionRepository emptyDetectionRepository() {
        return new InMemoryDetectionRepository();
    }
}
