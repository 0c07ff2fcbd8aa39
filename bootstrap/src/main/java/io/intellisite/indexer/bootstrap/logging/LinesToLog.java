package io.intellisite.indexer.bootstrap.logging;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.event.Level;

/**
 * With LOG_FORMAT=json, what is printed rather than logged (the start banner, the demo's warnings, a library's
 * println) becomes a log line too, one per printed line, so that every line a log pipeline reads is JSON.
 */
final class LinesToLog extends OutputStream {
    private final Logger logger;
    private final Level level;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    private LinesToLog(Logger logger, Level level) {
        this.logger = logger;
        this.level = level;
    }

    static PrintStream stream(Logger logger, Level level) {
        return new PrintStream(new LinesToLog(logger, level), true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            flushLine();
        } else {
            line.write(b);
        }
    }

    private void flushLine() {
        String text = line.toString(StandardCharsets.UTF_8).stripTrailing();
        line.reset();
        if (!text.isBlank()) {
            logger.atLevel(level).log(text);
        }
    }
}
