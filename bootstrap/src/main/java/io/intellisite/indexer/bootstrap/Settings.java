package io.intellisite.indexer.bootstrap;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every setting of the product, by its environment variable's name. Sources, strongest first: explicit
 * overrides (tests, command-line flags), system properties, environment variables, {@code application.yaml}.
 */
public final class Settings {
    private final Config config;

    private Settings(Config config) {
        this.config = config;
    }

    public static Settings load(Map<String, String> overrides) {
        return new Settings(Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .sources(List.of(ConfigSources.create(overrides), ConfigSources.systemProperties(),
                        ConfigSources.environmentVariables(), ConfigSources.classpath("application.yaml")))
                .build());
    }

    public Optional<String> optional(String name) {
        return config.get(name).asString().asOptional().map(String::strip).filter(v -> !v.isEmpty());
    }

    public String text(String name) {
        return optional(name).orElseThrow(() -> new StartupException(name, "must be set"));
    }

    public int integer(String name, int min, int max) {
        return (int) wholeNumber(name, text(name), min, max);
    }

    /** {@code raw} as a whole number from {@code min} to {@code max}, or a StartupException naming the setting. */
    public static long wholeNumber(String name, String raw, long min, long max) {
        long value;
        try {
            value = Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw new StartupException(name, "must be an integer, not '" + raw + "'");
        }
        if (value < min || value > max) {
            throw new StartupException(name, "must be between " + min + " and " + max + ", not " + value);
        }
        return value;
    }

    /**
     * Every setting named {@code prefix + NAME}, as a Kafka client property: {@code KAFKA_STREAMS_NUM_STANDBY_REPLICAS}
     * with prefix {@code KAFKA_STREAMS_} gives {@code num.standby.replicas}. Kafka property names use dots where an
     * environment variable can only have underscores; none has an underscore of its own.
     */
    public Map<String, String> kafkaProperties(String prefix) {
        Map<String, String> properties = new TreeMap<>();
        config.traverse().filter(Config::isLeaf).forEach(node -> {
            String name = node.key().toString();
            if (name.startsWith(prefix) && name.length() > prefix.length()) {
                properties.put(name.substring(prefix.length()).toLowerCase(Locale.ROOT).replace('_', '.'), text(name));
            }
        });
        return properties;
    }

    public boolean flag(String name) {
        String raw = text(name).toLowerCase(Locale.ROOT);
        return switch (raw) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new StartupException(name, "must be true or false, not '" + raw + "'");
        };
    }
}
