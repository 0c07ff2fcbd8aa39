package io.intellisite.indexer.adapters.kafka.demo;

import io.intellisite.indexer.domain.alert.AlertRule;
import io.intellisite.indexer.domain.detection.Detection;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Year;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Real makes, models and categories (vehicles.csv) drawn at random so that about a fifth of the detections
 * are SUVs, as on a real road, whatever the catalog's own mix.
 */
public final class VehicleCatalog {
    private static final double SUV_SHARE = 0.2;
    private static final AlertRule SUV = AlertRule.suspiciousCategory("SUV");
    private final List<String[]> suvs;
    private final List<String[]> others;
    private final RandomGenerator random;

    private VehicleCatalog(List<String[]> vehicles, RandomGenerator random) {
        this.suvs = vehicles.stream().filter(v -> SUV.matches(new Detection(2000, v[0], v[1], v[2]))).toList();
        this.others = vehicles.stream().filter(v -> !SUV.matches(new Detection(2000, v[0], v[1], v[2]))).toList();
        this.random = random;
    }

    public static VehicleCatalog load(RandomGenerator random) {
        try (var in = Objects.requireNonNull(VehicleCatalog.class.getResourceAsStream("/vehicles.csv"), "vehicles.csv");
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String[]> vehicles = reader.lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split("\\|")).toList();
            return new VehicleCatalog(vehicles, random);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int size() {
        return suvs.size() + others.size();
    }

    public Detection next() {
        List<String[]> pool = random.nextDouble() < SUV_SHARE ? suvs : others;
        String[] v = pool.get(random.nextInt(pool.size()));
        int latest = Year.now().getValue();
        return new Detection(random.nextInt(1995, latest + 1), v[0], v[1], v[2]);
    }
}
