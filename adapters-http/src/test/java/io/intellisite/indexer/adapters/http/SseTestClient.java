package io.intellisite.indexer.adapters.http;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Reads a text/event-stream into events (and comments) on a background thread, as a browser would. */
public final class SseTestClient implements AutoCloseable {
    public record Event(String name, String id, String data, String comment) {
    }

    private final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final HttpResponse<java.io.InputStream> response;
    private final Thread reader;
    private volatile boolean paused;

    public SseTestClient(URI uri, Map<String, String> headers) throws Exception {
        this(HttpClient.newHttpClient(), uri, headers);
    }

    /** Through {@code client}: one that trusts a test's certificate authority, say. */
    public SseTestClient(HttpClient client, URI uri, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
        headers.forEach(b::header);
        response = client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        reader = Thread.ofVirtual().start(this::read);
    }

    public int status() {
        return response.statusCode();
    }

    String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    /** Stops reading, so the server's writes back up as with a slow client. */
    void pause() {
        paused = true;
    }

    void resume() {
        paused = false;
    }

    private void read() {
        try (var in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String name = null;
            String id = null;
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = in.readLine()) != null) {
                while (paused) {
                    Thread.sleep(50);
                }
                if (line.isEmpty()) {
                    if (name != null || data.length() > 0) {
                        events.add(new Event(name == null ? "message" : name, id, data.toString(), null));
                    }
                    name = null;
                    id = null;
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    events.add(new Event(null, null, null, line.substring(1).strip()));
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                }
            }
        } catch (Exception closed) {
            // the test closed the stream
        }
    }

    /** The next {@code count} events named {@code name}, skipping comments and other events. */
    public List<Event> take(String name, int count, Duration timeout) throws InterruptedException {
        List<Event> out = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (out.size() < count) {
            Event e = events.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (e == null) {
                break;
            }
            if (name.equals(e.name())) {
                out.add(e);
            }
        }
        return out;
    }

    boolean sawComment(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Event e = events.poll(100, TimeUnit.MILLISECONDS);
            if (e != null && text.equals(e.comment())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws Exception {
        response.body().close();
        reader.interrupt();
    }
}
