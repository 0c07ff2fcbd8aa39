package io.intellisite.indexer.bootstrap.config;

/** A start that cannot go on, told in one line that names the setting to fix. */
public final class StartupException extends RuntimeException {
    public StartupException(String setting, String message) {
        super(setting + ": " + message);
    }
}
