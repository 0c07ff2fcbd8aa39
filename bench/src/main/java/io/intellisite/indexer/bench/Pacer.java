package io.intellisite.indexer.bench;

/**
 * Sends at a fixed rate for the benchmarks: step n runs at start + n / rate, and a step that is late runs at once (the
 * schedule is kept, not restarted), so a pause of the sender does not lower the rate the run reports.
 */
final class Pacer {
    /** One step of the run: what to send as the {@code n}th (from 0). */
    interface Step {
        void run(long n) throws Exception;
    }

    private Pacer() {
    }

    static void run(int rate, int seconds, Step step) throws Exception {
        long start = System.nanoTime();
        for (long n = 0; n < (long) rate * seconds; n++) {
            step.run(n);
            long wait = start + (n + 1) * 1_000_000_000L / rate - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
    }
}
