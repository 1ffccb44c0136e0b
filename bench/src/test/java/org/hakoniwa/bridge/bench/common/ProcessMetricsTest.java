package org.hakoniwa.bridge.bench.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProcessMetricsTest {
    @Test
    void group_dropsTrailingNumbers() {
        assertEquals("bridge-jetty", ProcessMetrics.group("bridge-jetty-42"));
        assertEquals("qtp", ProcessMetrics.group("qtp1234567-17"));
        assertEquals("C2_CompilerThread", ProcessMetrics.group("C2 CompilerThread0"));
        assertEquals("publish-max", ProcessMetrics.group("publish-max-72"));
        assertEquals("main", ProcessMetrics.group("main"));
    }

    @Test
    void threadCpuByGroup_countsThisThread() {
        assertTrue(ProcessMetrics.threadCpuByGroup().getOrDefault("main", 0L) > 0);
    }
}
