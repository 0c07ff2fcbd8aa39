package io.intellisite.indexer.bootstrap.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.Test;

class KnownNoiseTest {
    /** The product's own text configuration, with the events kept in a list instead of written. */
    private static ListAppender<ILoggingEvent> configured(LoggerContext context) throws Exception {
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(KnownNoiseTest.class.getResource("/logback.xml"));
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.setContext(context);
        events.start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(events);
        return events;
    }

    @Test
    void dropsOnlyTheNamedWarningsOfTheNamedLoggers() throws Exception {
        LoggerContext context = new LoggerContext();
        ListAppender<ILoggingEvent> events = configured(context);
        var streamsState = context.getLogger("org.apache.kafka.streams.processor.internals.StateDirectory");
        streamsState.warn("stream-thread [main] Failed to delete state store directory of /data/app for it is not empty");
        streamsState.warn("stream-thread [main] Failed to lock the state directory");
        streamsState.error("stream-thread [main] Failed to delete state store directory of /data/app for it is not empty");
        context.getLogger("io.intellisite.Other").warn("Failed to delete state store directory, said someone else");
        var network = context.getLogger("org.apache.kafka.clients.NetworkClient");
        network.warn("[Consumer clientId=x] The metadata response from the cluster reported a recoverable issue with correlation id 2 :"
                + " {intellisite-indexer-window-matches-repartition=UNKNOWN_TOPIC_OR_PARTITION}");
        network.warn("[Consumer clientId=x] The metadata response from the cluster reported a recoverable issue with correlation id 2 :"
                + " {intellisite.detections=UNKNOWN_TOPIC_OR_PARTITION}");

        List<String> kept = events.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
        assertEquals(List.of(
                "WARN stream-thread [main] Failed to lock the state directory",
                "ERROR stream-thread [main] Failed to delete state store directory of /data/app for it is not empty",
                "WARN Failed to delete state store directory, said someone else",
                "WARN [Consumer clientId=x] The metadata response from the cluster reported a recoverable issue with correlation id 2 :"
                        + " {intellisite.detections=UNKNOWN_TOPIC_OR_PARTITION}"), kept);
    }

    @Test
    void theJsonConfigurationDropsTheSame() throws Exception {
        LoggerContext context = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(KnownNoiseTest.class.getResource("/logback-json.xml"));
        assertEquals(1, context.getTurboFilterList().stream().filter(KnownNoise.class::isInstance).count());
        assertEquals(Level.WARN, context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getLevel());
    }

    @Test
    void aDropNamesALoggerAndText() {
        KnownNoise noise = new KnownNoise();
        assertThrows(IllegalArgumentException.class, () -> noise.addDrop("no bar here"));
        assertThrows(IllegalArgumentException.class, () -> noise.addDrop("|text only"));
        assertThrows(IllegalArgumentException.class, () -> noise.addDrop("logger.only|"));
    }
}
