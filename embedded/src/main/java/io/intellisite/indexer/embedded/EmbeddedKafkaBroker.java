package io.intellisite.indexer.embedded;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node Kafka broker in KRaft mode (combined broker and controller), run in this JVM from the
 * Maven Central jars. The storage directory is formatted once; a restart on the same directory keeps topics,
 * offsets and transactions.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
    private static final int NODE_ID = 1;
    private final DataDirectory dataDirectory;
    private final int port;
    private final int extraPort;
    private final Listener extra;
    private final KafkaRaftServer server;

    /**
     * A listener beside the plain-text one on loopback, for a broker secured as an operator's is ({@code SASL_SSL} with
     * its settings among the overrides, under {@code listener.name.<name>.}); clients reach it at {@code advertisedHost}.
     */
    public record Listener(String name, String securityProtocol, String advertisedHost) {
    }

    private EmbeddedKafkaBroker(DataDirectory dataDirectory, int port, int controllerPort, Map<String, String> overrides,
                                Listener extra) {
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.extra = extra;
        this.extraPort = extra == null ? -1 : FreePort.pick();
        String logDir = dataDirectory.path().resolve("kraft").toString();
        Properties props = new Properties();
        props.put("node.id", String.valueOf(NODE_ID));
        props.put("process.roles", "broker,controller");
        String more = extra == null ? "" : "," + extra.name() + "://127.0.0.1:" + extraPort;
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort + more);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port
                + (extra == null ? "" : "," + extra.name() + "://" + extra.advertisedHost() + ":" + extraPort));
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"
                + (extra == null ? "" : "," + extra.name() + ":" + extra.securityProtocol()));
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        props.put("log.dirs", logDir);
        // One node: every internal topic has a single replica.
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "6");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "6");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", "false");
        // After a crash the restarted controller refuses the broker's new registration until the old one's session
        // ends (DuplicateBrokerRegistrationException every 2 s): with the default 9 s, a start after SIGKILL was ready
        // in 17.4 - 20.3 s against 9.9 s for a first start; with 4 s, 12.2 - 12.3 s. Controller and broker share this
        // JVM, so only a stall of over 3 s (three missed heartbeats) could fence the broker; 3 s measured 11 s but left
        // two heartbeats of margin.
        props.put("broker.session.timeout.ms", "4000");
        props.put("broker.heartbeat.interval.ms", "1000");
        props.putAll(overrides);
        KafkaConfig config = KafkaConfig.fromProps(props, false);
        format(logDir);
        this.server = new KafkaRaftServer(config, Time.SYSTEM);
    }

    /** Formats (if new) and starts a broker; port 0 picks a free one. */
    public static EmbeddedKafkaBroker start(DataDirectory dataDirectory, int port) {
        return start(dataDirectory, port, Map.of());
    }

    /** The same, with broker settings of the caller's (a test's broker that misbehaves as a real one can, say). */
    public static EmbeddedKafkaBroker start(DataDirectory dataDirectory, int port, Map<String, String> overrides) {
        return start(dataDirectory, port, overrides, null);
    }

    /** The same, with a second listener (see {@link Listener}); null: none. */
    public static EmbeddedKafkaBroker start(DataDirectory dataDirectory, int port, Map<String, String> overrides, Listener extra) {
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dataDirectory, FreePort.orFree(port), FreePort.pick(), overrides, extra);
        broker.server.startup();
        return broker;
    }

    /** The plain-text listener on loopback. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** The extra listener, at its advertised host. */
    public String extraListenerBootstrapServers() {
        if (extra == null) {
            throw new IllegalStateException("this broker has no extra listener");
        }
        return extra.advertisedHost() + ":" + extraPort;
    }

    private static void format(String logDir) {
        if (Files.exists(java.nio.file.Path.of(logDir, "meta.properties"))) {
            return;
        }
        try {
            new Formatter()
                    .setPrintStream(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(logDir))
                    .setMetadataLogDirectory(logDir)
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setControllerListenerName("CONTROLLER")
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format Kafka storage in " + logDir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        dataDirectory.release();
    }
}
