package io.intellisite.indexer.bootstrap.logging;

import io.intellisite.indexer.bootstrap.config.StartupException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import org.slf4j.event.Level;

/**
 * Chooses how every log line is written, before the first one is: readable text, or with {@code LOG_FORMAT=json} one
 * JSON object a line (logback's JSON encoder). Helidon logs through java.util.logging, which is sent to the same
 * place, so the product's, Kafka's and Helidon's lines all come out in the one format.
 */
public final class LogFormat {
    private LogFormat() {
    }

    /** Read from the flag, the system property or the environment, as every setting is, but before Settings logs anything. */
    public static void apply(Map<String, String> overrides) {
        String format = Optional.ofNullable(overrides.get("LOG_FORMAT")).or(() -> Optional.ofNullable(System.getProperty("LOG_FORMAT")))
                .or(() -> Optional.ofNullable(System.getenv("LOG_FORMAT"))).orElse("text").strip().toLowerCase(Locale.ROOT);
        if (!format.equals("text") && !format.equals("json")) {
            throw new StartupException("LOG_FORMAT", "must be text or json, not '" + format + "'");
        }
        if (format.equals("json") && System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "logback-json.xml");
            System.setOut(LinesToLog.stream(LoggerFactory.getLogger("intellisite.console"), Level.INFO));
            System.setErr(LinesToLog.stream(LoggerFactory.getLogger("intellisite.console"), Level.WARN));
        }
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }
}
