package io.intellisite.indexer.bootstrap;

import io.intellisite.indexer.adapters.kafka.alerts.KafkaAlertFeed;
import io.intellisite.indexer.adapters.kafka.pipeline.DetectionIndexer;
import io.intellisite.indexer.adapters.kafka.pipeline.DetectionPipeline;
import io.intellisite.indexer.adapters.persistence.PostgresDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * The figures an SRE alerts on beside the product's own: the JVM's and the process's, Kafka Streams' and the Kafka
 * consumers' (lag per partition, records processed, commit latency, thread and task state) and both database pools',
 * bound with the binders Micrometer ships to the instance's one registry, which /metrics serves. Closing unbinds
 * what holds resources (the GC listener, the Kafka binders' schedulers).
 */
final class InstanceMeters implements AutoCloseable {
    // One per instance, registered into through Micrometer only: see MetricsHttpService for why not Helidon's.
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final List<AutoCloseable> bound = new ArrayList<>();

    static InstanceMeters bind(PostgresDatabase database, DetectionPipeline pipeline, List<DetectionIndexer> indexers,
                               KafkaAlertFeed alertFeed) {
        InstanceMeters meters = new InstanceMeters();
        MeterRegistry registry = meters.registry;
        List<MeterBinder> binders = new ArrayList<>(List.of(new JvmMemoryMetrics(), new JvmGcMetrics(), new JvmThreadMetrics(),
                new ClassLoaderMetrics(), new ProcessorMetrics(), new UptimeMetrics(), new FileDescriptorMetrics(),
                pipeline.meters()));
        binders.addAll(alertFeed.meters());
        indexers.forEach(indexer -> binders.addAll(indexer.meters()));
        for (MeterBinder binder : binders) {
            binder.bindTo(registry);
            if (binder instanceof AutoCloseable closeable) {
                meters.bound.add(closeable);
            }
        }
        database.bindMeters(registry);
        return meters;
    }

    /** The registry /metrics serves, where the HTTP server adds its own meters. */
    PrometheusMeterRegistry registry() {
        return registry;
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable closeable : bound) {
            closeable.close();
        }
        registry.close();
    }
}
