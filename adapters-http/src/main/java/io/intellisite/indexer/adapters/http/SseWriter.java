package io.intellisite.indexer.adapters.http;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Writes the text/event-stream format (WHATWG HTML, "Server-sent events") to a response stream. Frames are
 * buffered until {@link #flush()}, so a burst of alerts costs one write to the socket. Why not Helidon's SseSink: in Helidon 4.2.0 its sink for EventSource clients tries to serialise the
 * "no data" marker of a comment-only event (so comment heartbeats fail) and neither sink writes the
 * {@code retry:} field; both are needed here. Data is split on line breaks, one {@code data:} line each, so no
 * value can inject a field.
 */
final class SseWriter {
    private final OutputStream out;

    SseWriter(OutputStream out) {
        this.out = new java.io.BufferedOutputStream(out, 64 * 1024);
    }

    void retry(Duration delay) {
        write("retry: " + delay.toMillis() + "\n\n");
    }

    void comment(String text) {
        write(": " + singleLine(text) + "\n\n");
    }

    void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void event(String name, String id, String data) {
        StringBuilder frame = new StringBuilder();
        frame.append("event: ").append(singleLine(name)).append('\n');
        if (id != null) {
            frame.append("id: ").append(singleLine(id)).append('\n');
        }
        for (String line : data.split("\r\n|\r|\n", -1)) {
            frame.append("data: ").append(line).append('\n');
        }
        write(frame.append('\n').toString());
    }

    private static String singleLine(String s) {
        return s.replaceAll("[\r\n]", " ");
    }

    private void write(String frame) {
        try {
            out.write(frame.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
