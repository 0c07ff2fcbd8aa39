package io.intellisite.indexer.adapters.http;

import static io.intellisite.indexer.adapters.http.ApiAssertions.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.intellisite.indexer.adapters.http.security.TrustedProxies;
import io.intellisite.indexer.adapters.security.JwtTokens;
import io.intellisite.indexer.adapters.security.Pbkdf2PasswordHasher;
import io.intellisite.indexer.application.UseCases;
import io.intellisite.indexer.application.inmemory.InMemoryAlertFeed;
import io.intellisite.indexer.application.inmemory.InMemoryAlertRuleRepository;
import io.intellisite.indexer.application.inmemory.InMemoryAlertRuleTopic;
import io.intellisite.indexer.application.inmemory.InMemoryDetectionRepository;
import io.intellisite.indexer.application.inmemory.InMemoryUserRepository;
import io.intellisite.indexer.application.port.out.AlertRuleRepository;
import io.intellisite.indexer.application.port.out.DetectionRepository;
import io.intellisite.indexer.application.port.out.UserRepository;
import io.intellisite.indexer.application.service.alert.WatchAlertsService;
import io.intellisite.indexer.domain.token.TokenPolicy;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Starts the real Helidon server over a real socket on the repositories a subclass gives (in-memory here,
 * PostgreSQL in the bootstrap module), and offers a small client to the test suites built on it (their checks
 * of answers are in {@link ApiAssertions}).
 */
public abstract class HttpApiContract {
    protected static final String ADMIN_PASSWORD = "admin-password";
    protected static final String JWT_SECRET = "a-test-secret-that-is-long-enough-for-hs256";
    protected static final TokenPolicy TOKEN_POLICY = TokenPolicy.ofMinutes("test-issuer", "test-audience", 30, 12 * 60);
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    /** What the server serves at /asyncapi here; the product's own document is tested with the Kafka adapter. */
    protected static final String ASYNC_API = "asyncapi: 3.0.0\ninfo: {title: Test topics, version: '1'}\nchannels: {}\n";
    protected IndexerHttpServer server;
    /** The instance's registry: one per test, kept when a test stops and starts the server again (a restart). */
    protected final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    protected UseCases useCases;
    protected DetectionRepository detections;
    protected final InMemoryAlertFeed alerts = new InMemoryAlertFeed(256);
    protected final InMemoryAlertRuleTopic ruleTopic = new InMemoryAlertRuleTopic();

    private final Supplier<UserRepository> emptyUsers;
    private final Supplier<DetectionRepository> emptyDetections;

    /** On the in-memory repositories. */
    protected HttpApiContract() {
        this(InMemoryUserRepository::new, InMemoryDetectionRepository::new);
    }

    /** On the repositories the suppliers give, each call an empty one. */
    protected HttpApiContract(Supplier<UserRepository> emptyUsers, Supplier<DetectionRepository> emptyDetections) {
        this.emptyUsers = emptyUsers;
        this.emptyDetections = emptyDetections;
    }

    @BeforeEach
    void startServer() {
        UserRepository users = emptyUsers.get();
        detections = emptyDetections.get();
        JwtTokens tokens = JwtTokens.hmac(JWT_SECRET, TOKEN_POLICY);
        useCases = UseCases.wire(
                new UseCases.Ports(users, new Pbkdf2PasswordHasher(1_000), tokens, tokens, detections, emptyRules(),
                        ruleTopic, ruleTopic, alerts),
                new UseCases.Limits(TOKEN_POLICY, 0, alertStreamLimits(), java.time.Duration.ofDays(30)), Clock.systemUTC());
        useCases.createFirstAdmin().createIfNoUserExists("admin", ADMIN_PASSWORD);
        server = IndexerHttpServer.start(serverSettings(), useCases, List.of(new ReadinessCheck("test", () -> true)), registry,
                gauges(), ASYNC_API);
    }

    protected IndexerHttpServer.Settings serverSettings() {
        return new IndexerHttpServer.Settings("127.0.0.1", 0, heartbeat(), stalledWrite(), trustedProxies(), Optional.empty());
    }

    /** A fresh, empty rule repository; in memory unless a subclass says otherwise. */
    protected AlertRuleRepository emptyRules() {
        return new InMemoryAlertRuleRepository();
    }

    /** How many alert streams the server takes at once, in all and from one caller. */
    protected WatchAlertsService.Limits alertStreamLimits() {
        return new WatchAlertsService.Limits(1_000, 100);
    }

    /** The figures the server exposes on /metrics; none unless a subclass says otherwise. */
    protected List<MetricGauge> gauges() {
        return List.of();
    }

    /** How often an idle alert stream gets a comment; short in tests that look for it. */
    protected Duration heartbeat() {
        return Duration.ofSeconds(15);
    }

    /** Which peers' X-Forwarded-For is believed; none unless a subclass says otherwise. */
    protected TrustedProxies trustedProxies() {
        return TrustedProxies.NONE;
    }

    /** How long a write to an alert stream may block before the stream is cut. */
    protected Duration stalledWrite() {
        return Duration.ofSeconds(30);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    protected URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    protected HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends {@code request} as is, past the checks of an HTTP client, and returns everything the server wrote. */
    protected String rawRequest(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    protected HttpResponse<String> login(String username, String password) {
        String form = "grant_type=password&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    protected String token(String username, String password) {
        HttpResponse<String> response = login(username, password);
        assertEquals(200, response.statusCode(), response.body());
        return json(response).get("access_token").asText();
    }

    protected String adminToken() {
        return token("admin", ADMIN_PASSWORD);
    }

    protected HttpResponse<String> get(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b);
    }

    protected HttpResponse<String> postJson(String path, String token, String body) {
        return sendJson("POST", path, token, body);
    }

    protected HttpResponse<String> sendJson(String method, String path, String token, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b);
    }

    protected HttpResponse<String> createUser(String token, String username, String email, String role) {
        return postJson("/users", token, """
                {"name": "Name %s", "lastname": "Last", "email": "%s", "username": "%s", "password": "pass-%s", "role": "%s"}"""
                .formatted(username, email, username, username, role));
    }

    /** A counter's value on /metrics, 0 while it has no series: {@code metric("intellisite_sse_resumes_total", "outcome", "replayed")}. */
    protected double metric(String name, String label, String value) {
        return metric(get("/metrics", null).body(), name, label, value);
    }

    /** The same, read from a /metrics answer taken earlier. */
    protected static double metric(String metrics, String name, String label, String value) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^" + name + "\\{[^}]*" + label + "=\"" + value
                + "\"[^}]*} ([0-9.E+-]+)$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    /** Waits up to 10 s for a counter to reach {@code expected}: the server counts a stream's end after its last write. */
    protected void awaitMetric(String name, String label, String value, double expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (metric(name, label, value) < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(expected, metric(name, label, value), name + "{" + label + "=" + value + "}");
    }
}
