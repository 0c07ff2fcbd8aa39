package io.intellisite.indexer.application.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** The one way tests wait for something another thread or process does: poll, and fail with what explains the wait. */
public final class Eventually {
    private static final Duration POLL = Duration.ofMillis(50);

    private Eventually() {
    }

    /** Returns once {@code condition} holds; fails after {@code timeout} with "timed out" and {@code context}. */
    public static void waitFor(BooleanSupplier condition, Duration timeout, Supplier<String> context) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out" + context.get());
            }
            Thread.sleep(POLL);
        }
    }

    public static void waitFor(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        waitFor(condition, timeout, () -> "");
    }

    /** The same, quoting the log of the product process that should have made it happen, when there is one. */
    public static void waitFor(BooleanSupplier condition, Duration timeout, Path productLog) throws InterruptedException {
        waitFor(condition, timeout, () -> Files.exists(productLog) ? "; product log:\n" + read(productLog) : "");
    }

    public static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
