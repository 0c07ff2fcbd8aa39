package io.intellisite.indexer.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** A data directory, owner-only, that is kept across restarts, or a throwaway one deleted on close. */
public record DataDirectory(Path path, boolean throwaway) {

    /** Created owner-only with its missing parents, or made owner-only: it holds the data and the database's password. */
    public static DataDirectory persistent(Path path) {
        return new DataDirectory(OwnerOnly.directory(path), false);
    }

    public static DataDirectory throwaway(String prefix) {
        try {
            return new DataDirectory(OwnerOnly.directory(Files.createTempDirectory(prefix)), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory", e);
        }
    }

    public void release() {
        if (!throwaway || !Files.exists(path)) {
            return;
        }
        try {
            Files.walkFileTree(path, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }
}
