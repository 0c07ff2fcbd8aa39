package io.intellisite.indexer.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What the whole machine's CPUs did, from Linux's {@code /proc/stat}: the product with its embedded broker and
 * PostgreSQL, and anything else running. On this CPU-bound product a run's busy CPU time per detection is a
 * steadier figure than its rate, which moves with how much of the cores the machine's neighbours leave; the
 * steal share says how much they took (a virtual machine's hypervisor giving the core to another guest).
 */
record MachineCpu(long busy, long steal, long all) {
    /** Linux reports in USER_HZ ticks, 100 a second on every platform it runs on. */
    static final double TICKS_PER_SECOND = 100;

    /** The counters now; empty where there is no {@code /proc/stat} (not Linux). */
    static Optional<MachineCpu> now() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long[] t = Arrays.stream(f, 1, Math.min(f.length, 9)).mapToLong(Long::parseLong).toArray();
            // user nice system idle iowait irq softirq steal: waiting for I/O is idle, not busy
            long busy = t[0] + t[1] + t[2] + t[5] + t[6];
            return Optional.of(new MachineCpu(busy, t[7], busy + t[3] + t[4] + t[7]));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** What the CPUs did since {@code earlier}, while {@code detections} went through. */
    String since(MachineCpu earlier, long detections) {
        double busySeconds = (busy - earlier.busy) / TICKS_PER_SECOND;
        long ticks = Math.max(1, all - earlier.all);
        return String.format(Locale.ROOT, "%.1f s of CPU busy on the whole machine (%.0f %% of its cores; %.1f µs per detection), steal %.1f %%",
                busySeconds, 100.0 * (busy - earlier.busy) / ticks, busySeconds * 1e6 / Math.max(1, detections),
                100.0 * (steal - earlier.steal) / ticks);
    }
}
