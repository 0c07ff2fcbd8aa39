package io.intellisite.indexer.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * How long this JVM's JIT compilers and garbage collectors had worked so far. A latency benchmark that shares
 * its JVM with the product prints what they did while it timed, so a tail can be told apart from a warm-up
 * still compiling or from the collector.
 */
record JvmActivity(long compileMillis, long gcCount, long gcMillis) {
    static JvmActivity now() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
            millis += Math.max(0, gc.getCollectionTime());
        }
        var jit = ManagementFactory.getCompilationMXBean();
        long compile = jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
        return new JvmActivity(compile, count, millis);
    }

    JvmActivity since(JvmActivity earlier) {
        return new JvmActivity(compileMillis - earlier.compileMillis, gcCount - earlier.gcCount, gcMillis - earlier.gcMillis);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "JIT compiling %,d ms, %,d collections taking %,d ms", compileMillis, gcCount, gcMillis);
    }
}
