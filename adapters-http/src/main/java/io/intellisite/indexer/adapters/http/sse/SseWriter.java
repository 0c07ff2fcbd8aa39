package io.intellisite.indexer.adapters.http.sse;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Writes the text/event-stream format (WHATWG HTML, "Server-sent events") to a response stream. Frames are
 * buffered until {@link #flush()}, so a burst of alerts costs one write to the socket. Why not Helidon's
 * SseSink: in Helidon 4.2.0 its sink for EventSource clients tries to serialise the "no data" marker of a
 * comment-only event (so comment heartbeats fail) and neither sink writes the {@code retry:} field; both are
 * needed here. Data is split on line breaks, one {@code data:} line each, so no value can inject a field.
 */
public final class SseWriter {
    // Small on purpose: there is one per open stream, and ten thousand streams must fit in a modest heap.
    private static final int BUFFER_BYTES = 8 * 1024;
    private final OutputStream out;
    private final StalledWriteWatchdog.Watch watch;

    SseWriter(OutputStream out, StalledWriteWatchdog.Watch watch) {
        this.out = new BufferedOutputStream(out, BUFFER_BYTES);
        this.watch = watch;
    }

    /** One complete event frame; encode it once and {@link #write(byte[])} it to any number of streams. */
    public static byte[] frame(String name, String id, String data) {
        StringBuilder frame = new StringBuilder(data.length() + 64);
        frame.append("event: ").append(singleLine(name)).append('\n');
        if (id != null) {
            frame.append("id: ").append(singleLine(id)).append('\n');
        }
        int from = 0;
        for (int i = 0; i <= data.length(); i++) {
            char c = i < data.length() ? data.charAt(i) : '\n';
            if (c == '\n' || c == '\r') {
                frame.append("data: ").append(data, from, i).append('\n');
                if (c == '\r' && i + 1 < data.length() && data.charAt(i + 1) == '\n') {
                    i++;
                }
                from = i + 1;
            }
        }
        return frame.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    void retry(Duration delay) {
        write(("retry: " + delay.toMillis() + "\n\n").getBytes(StandardCharsets.UTF_8));
    }

    void comment(String text) {
        write((": " + singleLine(text) + "\n\n").getBytes(StandardCharsets.UTF_8));
    }

    void event(String name, String id, String data) {
        write(frame(name, id, data));
    }

    void write(byte[] frame) {
        watch.writing();
        try {
            out.write(frame);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            watch.done();
        }
    }

    void flush() {
        watch.writing();
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            watch.done();
        }
    }

    private static String singleLine(String s) {
        return s.indexOf('\n') < 0 && s.indexOf('\r') < 0 ? s : s.replace('\n', ' ').replace('\r', ' ');
    }
}
