package io.intellisite.indexer.adapters.http;

import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import io.helidon.openapi.OpenApiFeature;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.health.HealthObserverConfig;
import io.helidon.webserver.staticcontent.StaticContentService;
import io.intellisite.indexer.adapters.http.alerts.AlertsHttpService;
import io.intellisite.indexer.adapters.http.detections.DetectionsHttpService;
import io.intellisite.indexer.adapters.http.docs.AsyncApiHttpService;
import io.intellisite.indexer.adapters.http.json.ApiErrors;
import io.intellisite.indexer.adapters.http.rules.RulesHttpService;
import io.intellisite.indexer.adapters.http.security.BearerAuthentication;
import io.intellisite.indexer.adapters.http.security.SecurityHeadersFilter;
import io.intellisite.indexer.adapters.http.security.StrictTransportSecurityFilter;
import io.intellisite.indexer.adapters.http.security.TlsFiles;
import io.intellisite.indexer.adapters.http.security.TrustedProxies;
import io.intellisite.indexer.adapters.http.sse.EventStream;
import io.intellisite.indexer.adapters.http.sse.StalledWriteWatchdog;
import io.intellisite.indexer.adapters.http.sse.StreamCounts;
import io.intellisite.indexer.adapters.http.stats.StatsHttpService;
import io.intellisite.indexer.adapters.http.stats.StatsLiveHttpService;
import io.intellisite.indexer.adapters.http.users.LoginCounts;
import io.intellisite.indexer.adapters.http.users.LoginHttpService;
import io.intellisite.indexer.adapters.http.users.UsersHttpService;
import io.intellisite.indexer.application.UseCases;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Assembles the routes, health, OpenAPI, Swagger UI and the live page into one Helidon WebServer. */
public final class IndexerHttpServer implements AutoCloseable {
    /** Request bodies are small JSON or forms; anything bigger is refused with 413 before it is read. */
    public static final long MAX_PAYLOAD_BYTES = 1024 * 1024;
    private static final String SWAGGER_UI = "META-INF/resources/webjars/swagger-ui/5.34.1";
    /** The API's OpenAPI document: served at /openapi, and where {@link MethodNotAllowed} reads each path's methods. */
    private static final String OPENAPI = "META-INF/openapi.yaml";
    private final WebServer server;
    private final PrometheusMeterRegistry registry;
    private final List<Meter> gauges;
    /** What the gauges read: Micrometer holds it only weakly, so the server does, for as long as it serves them. */
    private final List<MetricGauge> figures;
    private final StalledWriteWatchdog stalls;
    private final Runnable stopTlsWatch;

    private IndexerHttpServer(WebServer server, PrometheusMeterRegistry registry, List<Meter> gauges, List<MetricGauge> figures,
                              StalledWriteWatchdog stalls, Runnable stopTlsWatch) {
        this.server = server;
        this.registry = registry;
        this.gauges = gauges;
        this.figures = List.copyOf(figures);
        this.stalls = stalls;
        this.stopTlsWatch = stopTlsWatch;
    }

    /**
     * Where to listen (port 0 picks a free one), how often an idle alert stream gets a heartbeat, and how long a
     * write to a stream may block (its subscriber reads nothing) before the stream is cut, and which peers are proxies
     * whose X-Forwarded-For names the client, and the certificate and key of HTTPS (empty: plain HTTP).
     */
    public record Settings(String host, int port, Duration heartbeat, Duration stalledWrite, TrustedProxies proxies,
                           Optional<TlsFiles> tls) {
        /** Plain HTTP, no proxies trusted: tests and tools. */
        public Settings(String host, int port, Duration heartbeat, Duration stalledWrite) {
            this(host, port, heartbeat, stalledWrite, TrustedProxies.NONE, Optional.empty());
        }
    }

    /**
     * {@code asyncApi}: the topics' AsyncAPI document (YAML), served at /asyncapi; the HTTP adapter does not know the
     * topics, the composition root hands it over. {@code registry}: the instance's one meter registry, where the other
     * parts' binders already are; /metrics serves it, and the server adds {@code gauges} and its own meters to it.
     */
    public static IndexerHttpServer start(Settings settings, UseCases useCases, List<ReadinessCheck> readiness,
                                          PrometheusMeterRegistry registry, List<MetricGauge> gauges, String asyncApi) {
        List<Meter> meters = gauges.stream().<Meter>map(g -> g.total()
                ? FunctionCounter.builder(g.name(), g.value(), v -> v.get().doubleValue()).description(g.description()).register(registry)
                : Gauge.builder(g.name(), g.value()).description(g.description()).register(registry)).toList();
        StalledWriteWatchdog stalls = new StalledWriteWatchdog(settings.stalledWrite());
        HttpRouting.Builder routing = HttpRouting.builder()
                .addFilter(new RequestLogFilter(registry))
                .addFilter(new SecurityHeadersFilter());
        settings.tls().ifPresent(tls -> routing.addFilter(new StrictTransportSecurityFilter()));
        api(settings, useCases, asyncApi, registry, stalls).forEach(routing::register);
        routing.register("/docs", StaticContentService.builder("web/docs").welcomeFileName("index.html").build())
                .register("/docs", StaticContentService.builder(SWAGGER_UI).build())
                .register("/", StaticContentService.builder("web/live").welcomeFileName("index.html").build())
                .any(MethodNotAllowed.of(OPENAPI));
        ApiErrors.register(routing);

        HealthObserverConfig.Builder health = HealthObserver.builder().details(true).useSystemServices(false)
                .addCheck(() -> HealthCheckResponse.builder().status(true).build(), HealthCheckType.LIVENESS, "alive");
        readiness.forEach(check -> health.addCheck(() -> {
            HealthCheckResponse.Builder response = HealthCheckResponse.builder().status(check.isUp().getAsBoolean());
            check.details().get().forEach(response::detail);
            return response.build();
        }, HealthCheckType.READINESS, check.name()));

        WebServerConfig.Builder builder = WebServer.builder();
        settings.tls().ifPresent(tls -> builder.tls(tls.load()));
        WebServer server = builder
                .host(settings.host())
                .port(settings.port())
                .maxPayloadSize(MAX_PAYLOAD_BYTES)
                .directHandlers(JsonDirectHandler.all())
                .shutdownHook(false)
                .featuresDiscoverServices(false)
                .addFeature(ObserveFeature.builder().endpoint("/").observersDiscoverServices(false)
                        .addObserver(health.build()).build())
                .addFeature(OpenApiFeature.builder().staticFile(OPENAPI).build())
                .routing(routing)
                .build()
                .start();
        if (!server.isRunning()) {
            stalls.close();
            // Helidon logs a failed bind and returns a server that is not running.
            throw new IllegalStateException("could not bind " + settings.host() + ":" + settings.port() + " (in use?)");
        }
        Runnable stopTlsWatch = settings.tls().map(tls -> tls.watch(server)).orElse(() -> { });
        return new IndexerHttpServer(server, registry, meters, gauges, stalls, stopTlsWatch);
    }

    /** The API's services by path: what start registers, and what OpenApiDocumentTest walks to list every route. */
    static Map<String, HttpService> api(Settings settings, UseCases useCases, String asyncApi, PrometheusMeterRegistry registry,
                                        StalledWriteWatchdog stalls) {
        BearerAuthentication bearer = new BearerAuthentication(useCases.authenticate());
        Map<String, HttpService> api = new LinkedHashMap<>();
        api.put("/login", new LoginHttpService(useCases.logIn(), bearer, useCases.renewToken(), settings.proxies(),
                new LoginCounts(registry)));
        api.put("/users", new UsersHttpService(bearer, useCases.register(), useCases.listUsers(), useCases.showOwnAccount(),
                new UsersHttpService.Lifecycle(useCases.changeOwnPassword(), useCases.updateUser(), useCases.deleteUser())));
        api.put("/detections", new DetectionsHttpService(bearer, useCases.listDetections()));
        StreamCounts streamCounts = new StreamCounts(registry);
        EventStream events = new EventStream(bearer, settings.heartbeat(), stalls, streamCounts);
        api.put("/stats", new StatsHttpService(bearer, useCases.stats(), useCases.timeSeries(), useCases.top(),
                new StatsLiveHttpService(bearer, useCases.watchBuckets(), events)));
        api.put("/rules", new RulesHttpService(bearer, new RulesHttpService.UseCases(useCases.listRules(),
                useCases.createRule(), useCases.updateRule(), useCases.deleteRule())));
        api.put("/alerts", new AlertsHttpService(bearer, useCases.watchAlerts(), events, streamCounts));
        api.put("/asyncapi", new AsyncApiHttpService(asyncApi));
        api.put("/metrics", new MetricsHttpService(registry));
        return api;
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.stop();
        stalls.close();
        stopTlsWatch.run();
        // The registry outlives a server (a restart in the same instance): what it would read is gone.
        gauges.forEach(registry::remove);
    }
}
