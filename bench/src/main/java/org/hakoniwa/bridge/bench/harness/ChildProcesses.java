package org.hakoniwa.bridge.bench.harness;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Every child JVM the harness started, killed when the harness exits however it exits (normal end, an error,
 * Ctrl-C): one shutdown hook destroys them and, after a grace period, destroys the stragglers forcibly.
 */
final class ChildProcesses {
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ChildProcesses::killAll, "bench-kill-children"));
    }

    private ChildProcesses() {
    }

    static void register(Process process) {
        LIVE.add(process);
    }

    static void unregister(Process process) {
        LIVE.remove(process);
    }

    static void killAll() {
        List<Process> children = List.copyOf(LIVE);
        for (Process child : children) {
            child.descendants().forEach(ProcessHandle::destroy);
            child.destroy();
        }
        for (Process child : children) {
            try {
                if (!child.waitFor(3, TimeUnit.SECONDS)) {
                    child.descendants().forEach(ProcessHandle::destroyForcibly);
                    child.destroyForcibly();
                }
            } catch (InterruptedException e) {
                child.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            LIVE.remove(child);
        }
    }
}
