package io.intellisite.indexer.bootstrap.config;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every setting of the product, by its environment variable's name. Sources, strongest first: explicit
 * overrides (tests, command-line flags), system properties, environment variables, {@code application.yaml}.
 */
public final class Settings {
    /** Prefixes under which any Kafka client property can be set (see {@link #kafkaProperties}): the pipeline's, the indexer's. */
    public static final String KAFKA_STREAMS = "KAFKA_STREAMS_";
    public static final String KAFKA_INDEXER = "KAFKA_INDEXER_";
    /** Any other {@code KAFKA_<NAME>} that is not a setting of the product's own: a client property of every client. */
    public static final String KAFKA_SHARED = "KAFKA_";
    private static final List<String> KAFKA_PREFIXES = List.of(KAFKA_STREAMS, KAFKA_INDEXER, KAFKA_SHARED);
    /** application.yaml as shipped, read once: every setting of the product's own, with its default. */
    private static final Config DEFAULTS = Config.just(ConfigSources.classpath("application.yaml"));
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

    /**
     * Fails on a command-line name that is neither a setting, nor a Kafka client property under one of
     * {@code KAFKA_PREFIXES} (under the shared {@code KAFKA_}, one a Kafka client knows), nor one of the command's own
     * {@code commandNames}: a typo such as
     * {@code --HTTP_PROT=9000} would otherwise be ignored without a word.
     */
    public static void requireKnown(Collection<String> names, Set<String> commandNames) {
        for (String name : names) {
            boolean perClient = name.startsWith(KAFKA_STREAMS) || name.startsWith(KAFKA_INDEXER);
            boolean known = commandNames.contains(name) || DEFAULTS.get(name).exists()
                    || perClient && !name.equals(KAFKA_STREAMS) && !name.equals(KAFKA_INDEXER)
                    || !perClient && name.startsWith(KAFKA_SHARED)
                    && KafkaClientSettings.isKnown(kafkaProperty(KAFKA_SHARED, name));
            if (!known) {
                throw new StartupException(name, "no such setting (the README's Configuration section lists them"
                        + (commandNames.isEmpty() ? "" : "; this command also takes " + String.join(", ", new TreeSet<>(commandNames))) + ")");
            }
        }
    }

    /** The defaults file as shipped, its comments included: every setting, what it does, and its default. */
    public static String defaultsText() {
        try (var in = Settings.class.getResourceAsStream("/application.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            return "(application.yaml is missing from this build)\n";
        }
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
     * environment variable can only have underscores; none has an underscore of its own. The product's own settings
     * ({@code KAFKA_BROKER_URL}) and names under a longer prefix ({@code KAFKA_STREAMS_} within {@code KAFKA_}) are not
     * included.
     */
    public Map<String, String> kafkaProperties(String prefix) {
        Map<String, String> properties = new TreeMap<>();
        config.traverse().filter(Config::isLeaf).forEach(node -> {
            String name = node.key().toString();
            boolean underAnotherPrefix = KAFKA_PREFIXES.stream()
                    .anyMatch(other -> other.length() > prefix.length() && other.startsWith(prefix) && name.startsWith(other));
            if (name.startsWith(prefix) && name.length() > prefix.length() && !underAnotherPrefix && !DEFAULTS.get(name).exists()) {
                properties.put(kafkaProperty(prefix, name), text(name));
            }
        });
        return properties;
    }

    /** {@code KAFKA_SASL_JAAS_CONFIG} under {@code KAFKA_} is the Kafka property {@code sasl.jaas.config}. */
    private static String kafkaProperty(String prefix, String setting) {
        return setting.substring(prefix.length()).toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /** The setting that sets Kafka property {@code property} on every client: {@code sasl.mechanism}, KAFKA_SASL_MECHANISM. */
    public static String sharedKafkaSetting(String property) {
        return KAFKA_SHARED + property.toUpperCase(Locale.ROOT).replace('.', '_');
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
