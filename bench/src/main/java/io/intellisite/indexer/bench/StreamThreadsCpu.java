package io.intellisite.indexer.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/**
 * CPU time of the threads that serve the alert streams, in this JVM: the carriers of virtual threads (every stream
 * handler runs on them, its socket writes included) and the alert feed's thread. The JVM's whole CPU also holds the
 * embedded broker, the pipeline and the indexer, whose swings between two runs can exceed what a few thousand
 * deliveries a second cost.
 */
final class StreamThreadsCpu {
    private StreamThreadsCpu() {
    }

    static long nanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && serves(info.getThreadName())) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    // The default scheduler's carriers are "ForkJoinPool-1-worker-N" (JDK 21 to 25).
    private static boolean serves(String name) {
        return name.startsWith("ForkJoinPool-") && name.contains("-worker-") || name.equals("alert-feed");
    }
}
