package io.intellisite.indexer.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The benchmarks' CPU figure: busy time of the whole machine between two readings of /proc/stat. */
class MachineCpuTest {

    @Test
    void busyTimeIsTicksOfEveryCoreExceptIdleWaitAndSteal() {
        MachineCpu earlier = new MachineCpu(1_000, 50, 10_000);
        MachineCpu later = new MachineCpu(1_300, 70, 10_400); // 4 s of 2 cores: 3 s busy, 0.2 s stolen
        assertEquals("3.0 s of CPU busy on the whole machine (75 % of its cores; 1.5 µs per detection), steal 5.0 %",
                later.since(earlier, 2_000_000));
    }

    @Test
    void theCountersOfThisLinuxMachineOnlyGrow() {
        MachineCpu first = MachineCpu.now().orElseThrow(() -> new AssertionError("no /proc/stat: CI runs on Linux"));
        MachineCpu second = MachineCpu.now().orElseThrow();
        assertTrue(second.busy() >= first.busy() && second.all() >= first.all() && first.all() > first.busy());
    }
}
