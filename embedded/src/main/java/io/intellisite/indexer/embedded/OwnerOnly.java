package io.intellisite.indexer.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * Directories and secrets only the product's own user may read: the data of the embedded parts and the embedded
 * PostgreSQL's password (on a file system without POSIX permissions, left as the system makes them).
 */
final class OwnerOnly {
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {
    }

    /** Creates the directory (and its missing parents) owner-only, or makes an existing one so. */
    static Path directory(Path path) {
        try {
            if (!posix(path)) {
                return Files.createDirectories(path);
            }
            Files.createDirectories(path, PosixFilePermissions.asFileAttribute(DIRECTORY));
            Files.setPosixFilePermissions(path, DIRECTORY);
            return path;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + path, e);
        }
    }

    /** The secret kept in {@code file}, made (32 random bytes) and written owner-only the first time. */
    static String secret(Path file) {
        try {
            if (Files.exists(file)) {
                if (posix(file)) {
                    Files.setPosixFilePermissions(file, FILE);
                }
                return Files.readString(file).strip();
            }
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            try {
                if (posix(file.getParent())) {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
                } else {
                    Files.createFile(file);
                }
            } catch (FileAlreadyExistsException raced) {
                return Files.readString(file).strip();
            }
            Files.writeString(file, secret);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep a secret in " + file, e);
        }
    }

    private static boolean posix(Path path) throws IOException {
        Path existing = path;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing != null && Files.getFileStore(existing).supportsFileAttributeView("posix");
    }
}
