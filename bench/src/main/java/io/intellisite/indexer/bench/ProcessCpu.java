package io.intellisite.indexer.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A process's CPU time (user + system) from Linux's /proc, for a server that is not this JVM. */
final class ProcessCpu {
    private static final long NANOS_PER_TICK = (long) (1e9 / MachineCpu.TICKS_PER_SECOND);

    private ProcessCpu() {
    }

    static long nanos(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // The command name (field 2) may hold blanks: count the fields after its closing parenthesis.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read the CPU time of process " + pid + " (Linux only)", e);
        }
    }
}
