package io.intellisite.indexer.application.contract;

import io.intellisite.indexer.domain.detection.Detection;
import io.intellisite.indexer.domain.detection.IndexedDetection;
import io.intellisite.indexer.domain.detection.SourcePosition;
import io.intellisite.indexer.domain.user.Credential;
import io.intellisite.indexer.domain.user.Email;
import io.intellisite.indexer.domain.user.PasswordHash;
import io.intellisite.indexer.domain.user.Role;
import io.intellisite.indexer.domain.user.User;
import io.intellisite.indexer.domain.user.UserId;
import io.intellisite.indexer.domain.user.Username;
import java.time.Instant;
import java.util.UUID;

/** Small builders shared by the contract suites and the adapter tests. */
public final class Fixtures {
    /** The id of the detections topic the fixtures' detections come from. */
    public static final UUID TOPIC_ID = UUID.fromString("6f1c2b9e-0c3a-4d57-9a43-5b1e2f0d7c11");
    private Fixtures() {
    }

    public static User user(String name, String email) {
        return new User(UserId.random(), name, "Lastname", new Email(email), Role.VIEWER);
    }

    public static Credential credential(User user, String username) {
        return new Credential(user.id(), new Username(username), new PasswordHash("test$hash"), true);
    }

    public static IndexedDetection detection(int partition, long offset, String make, String category) {
        return detection(TOPIC_ID, partition, offset, make, category);
    }

    /** A 2020 model "M" detected at {@code at}, for the statistics' tests, where only the time, make and category count. */
    public static IndexedDetection detectionAt(int partition, long offset, Instant at, String make, String category) {
        return IndexedDetection.at(new SourcePosition("intellisite.detections", TOPIC_ID, partition, offset), at,
                new Detection(2020, make, "M", category), "{}");
    }

    /** The same, from the topic with id {@code topicId}. */
    public static IndexedDetection detection(UUID topicId, int partition, long offset, String make, String category) {
        Detection d = new Detection(2011, make, "Model " + offset, category);
        String raw = "{\"Year\":2011,\"Make\":\"" + make + "\",\"Model\":\"Model " + offset + "\",\"Category\":\""
                + category + "\"}";
        return IndexedDetection.at(new SourcePosition("intellisite.detections", topicId, partition, offset),
                Instant.parse("2026-01-01T00:00:00Z").plusSeconds(offset), d, raw);
    }
}
