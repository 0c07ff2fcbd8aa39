package io.intellisite.indexer.adapters.kafka.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * The name this instance's consumers give their groups as static members (KIP-345), kept in its state directory so
 * that a restart reuses it. A restarted static member takes its predecessor's place at once; a dynamic one waited
 * for the crashed member's session to expire, and a broker that crashed with it starts that timer again when it
 * loads the group (CrashSoakTest: the pipeline's JoinGroup took 7 s after every crash). Two instances must never
 * share a state directory (Kafka Streams locks it), nor a copy of one: they would fence each other.
 */
public final class StableInstanceId {
    private static final String FILE = "instance.id";

    private StableInstanceId() {
    }

    /** The id kept in {@code directory}, made (and kept) on first use. */
    public static String in(Path directory) {
        Path file = directory.resolve(FILE);
        try {
            Files.createDirectories(directory);
            try {
                Files.writeString(Files.createFile(file), UUID.randomUUID().toString(), StandardCharsets.UTF_8);
            } catch (FileAlreadyExistsException kept) {
                // made by an earlier start
            }
            String id = Files.readString(file, StandardCharsets.UTF_8).strip();
            return UUID.fromString(id).toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the instance id in " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + " holds no instance id; delete it to have a new one made", e);
        }
    }
}
