package io.intellisite.indexer.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The reference for live delivery: nginx with the Nchan module (C, one worker), publishing on {@code POST /pub} and
 * serving {@code GET /sub} as Server-Sent Events, started from Debian's packages ({@code nginx-light},
 * {@code libnginx-mod-nchan}), which are installed first when missing.
 */
final class NchanReference implements AutoCloseable {
    static final Path MODULE = Path.of("/usr/lib/nginx/modules/ngx_nchan_module.so");
    private final Process master;
    private final long worker;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private NchanReference(Process master, long worker, int port) {
        this.master = master;
        this.worker = worker;
        this.port = port;
    }

    static NchanReference start(Path dir, int maxSubscribers) throws Exception {
        installIfMissing();
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Files.createDirectories(dir.resolve("logs"));
        // Twice the subscribers: with 10,100 for 10,000 subscribers, nginx reported too few and left some unserved.
        Files.writeString(dir.resolve("nginx.conf"), """
                load_module %s;
                worker_processes 1;
                daemon off;
                pid %s;
                error_log %s warn;
                events { worker_connections %d; }
                http {
                  access_log off;
                  server {
                    listen 127.0.0.1:%d;
                    location = /pub { nchan_publisher; nchan_channel_id alerts; nchan_message_buffer_length 16; }
                    location = /sub { nchan_subscriber eventsource; nchan_channel_id alerts; }
                  }
                }
                """.formatted(MODULE, dir.resolve("nginx.pid"), dir.resolve("logs/error.log"), 2 * maxSubscribers + 100, port));
        Process master = new ProcessBuilder("nginx", "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("logs/out.log").toFile()).start();
        // An interrupted benchmark (Ctrl-C, kill) must not leave nginx serving.
        Runtime.getRuntime().addShutdownHook(new Thread(master::destroy));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            List<ProcessHandle> workers = master.children().toList();
            if (!workers.isEmpty()) {
                NchanReference nchan = new NchanReference(master, workers.getFirst().pid(), port);
                if (nchan.answers()) {
                    return nchan;
                }
            }
            if (!master.isAlive()) {
                throw new IllegalStateException("nginx did not start: " + Files.readString(dir.resolve("logs/out.log")));
            }
            Thread.sleep(100);
        }
        master.destroy();
        throw new IllegalStateException("nginx did not answer within 10 s");
    }

    private static void installIfMissing() throws Exception {
        if (Files.isExecutable(Path.of("/usr/sbin/nginx")) && Files.exists(MODULE)) {
            return;
        }
        System.out.println("installing the reference: apt-get install nginx-light libnginx-mod-nchan");
        for (List<String> step : List.of(List.of("apt-get", "update"),
                List.of("apt-get", "install", "-y", "--no-install-recommends", "nginx-light", "libnginx-mod-nchan"))) {
            Process p = new ProcessBuilder(step).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (p.waitFor() != 0 && step.contains("install")) {
                throw new IllegalStateException("could not install nginx and Nchan (apt-get as root is needed once)");
            }
        }
        // Debian's package starts its own nginx on port 80; the benchmark runs its own.
        new ProcessBuilder("service", "nginx", "stop").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }

    private boolean answers() {
        try {
            return publishStatus("{}") < 500;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    int port() {
        return port;
    }

    /** Publishes one event to every subscriber; returns once Nchan took it. */
    void publish(String body) throws IOException, InterruptedException {
        int status = publishStatus(body);
        if (status >= 300) {
            throw new IllegalStateException("Nchan refused a publish: " + status);
        }
    }

    private int publishStatus(String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/pub"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** CPU time the worker (which does all the serving) has used, from /proc. */
    long workerCpuNanos() {
        return ProcessCpu.nanos(worker);
    }

    @Override
    public void close() {
        master.destroy();
    }
}
