package org.hakoniwa.bridge.bench.common;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.management.JMException;
import javax.management.ObjectName;

/** Figures of this JVM process: CPU time, heap, resident set size, threads. */
public final class ProcessMetrics {
    private static final Path STATUS = Path.of("/proc/self/status");

    private ProcessMetrics() {
    }

    /** CPU time of the whole process (every thread, user and system), in nanoseconds; -1 if unknown. */
    public static long cpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** Used heap right now, garbage included. */
    public static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /**
     * Used heap right after a full collection, as the collector itself measured it (the pools' collection usage), so
     * that what other threads allocate after the collection does not count: what is really retained. The least of
     * three tries, in case a young collection slipped in between.
     */
    public static long heapAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            long retained = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                MemoryUsage usage = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
                if (usage != null) {
                    retained += usage.getUsed();
                }
            }
            used = Math.min(used, retained);
            Thread.sleep(20);
        }
        return used;
    }

    /** VmRSS of /proc/self/status in bytes; -1 where there is no such file (not Linux). */
    public static long rssBytes() {
        try {
            List<String> lines = Files.readAllLines(STATUS);
            for (String line : lines) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
            return -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * User and system CPU time of the whole process from {@code /proc/self/stat} (fields 14 and 15, in clock ticks
     * of 10 ms), in nanoseconds; {@code {-1, -1}} where there is no such file. The split shows how much of a server's
     * CPU goes to the kernel (socket calls, thread wake-ups) rather than to Java code.
     */
    public static long[] userAndSystemNanos() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // The command name (field 2) is in parentheses and may hold spaces: count fields after its ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long tick = 10_000_000L;
            return new long[] {Long.parseLong(fields[11]) * tick, Long.parseLong(fields[12]) * tick};
        } catch (IOException | RuntimeException e) {
            return new long[] {-1, -1};
        }
    }

    /** Context switches of every thread of the process (voluntary ones: a thread that blocked or parked). */
    public static long voluntaryContextSwitches() {
        long total = 0;
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    for (String line : Files.readAllLines(task.resolve("status"))) {
                        if (line.startsWith("voluntary_ctxt_switches:")) {
                            total += Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // A thread that ended while we read.
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return total;
    }

    /**
     * CPU time of the live Java threads, summed by group: the thread name less its trailing numbers
     * ({@code bridge-jetty-42} counts as {@code bridge-jetty}), spaces as {@code _}. What the process used beyond
     * their sum went to the JVM's own threads (garbage collection, JIT compilation) and to threads that ended.
     */
    public static Map<String, Long> threadCpuByGroup() {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        Map<String, Long> groups = new TreeMap<>();
        for (ThreadInfo info : bean.getThreadInfo(bean.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = bean.getThreadCpuTime(info.getThreadId());
            if (cpu > 0) {
                groups.merge(group(info.getThreadName()), cpu, Long::sum);
            }
        }
        return groups;
    }

    static String group(String threadName) {
        String group = threadName;
        String previous;
        do {
            previous = group;
            group = group.replaceAll("[-_ #@]*[0-9]+$", "");
        } while (!group.equals(previous) && !group.isEmpty());
        return (group.isEmpty() ? threadName : group).replace(' ', '_').replace('=', '_');
    }

    /** Garbage collections so far and the time they took, in milliseconds, over every collector. */
    public static long[] gcCountAndMillis() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, collector.getCollectionCount());
            millis += Math.max(0, collector.getCollectionTime());
        }
        return new long[] {count, millis};
    }

    /**
     * The live objects by class, biggest first, as {@code jcmd <pid> GC.class_histogram} prints them (a full
     * collection comes first): class name to bytes.
     */
    public static Map<String, Long> classHistogram() {
        try {
            Object text = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            Map<String, Long> bytes = new LinkedHashMap<>();
            for (String line : String.valueOf(text).split("\n")) {
                String[] fields = line.strip().split("\\s+");
                if (fields.length >= 4 && fields[0].endsWith(":")) {
                    bytes.merge(fields[3], Long.parseLong(fields[2]), Long::sum);
                }
            }
            return bytes;
        } catch (JMException | RuntimeException e) {
            return Map.of("unavailable:" + e.getClass().getSimpleName(), 0L);
        }
    }

    public static int threads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }
}
