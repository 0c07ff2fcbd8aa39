package io.intellisite.indexer.bootstrap.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.FileDescriptor;
import java.io.FileOutputStream;

/**
 * Writes log lines to the process's own standard error, not to {@code System.err}: with LOG_FORMAT=json,
 * {@code System.err} and {@code System.out} are replaced by streams that log each line (see {@link LogFormat}), and
 * logback's ConsoleAppender, writing to them, would log its own lines again.
 */
public final class StderrAppender extends OutputStreamAppender<ILoggingEvent> {
    @Override
    public void start() {
        setOutputStream(new FileOutputStream(FileDescriptor.err));
        super.start();
    }
}
