package org.hakoniwa.bridge.bench.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * The hottest frames of a JFR recording, as {@code jfr print --events jdk.ExecutionSample} would list them: for
 * threads running Java code ({@code jdk.ExecutionSample}), the top frame of each sample (self time) and each bridge
 * method counted once per sample it appears in (total time); for threads in native code
 * ({@code jdk.NativeMethodSample}: socket calls, selectors, parking), the top frame. Samples of the {@code main}
 * thread are left out: in a server JVM it only starts the server and then waits for control commands.
 */
final class JfrSummary {
    private static final String OURS = "org.hakoniwa.";

    private JfrSummary() {
    }

    /** Counts of one kind of sample. */
    private static final class Counts {
        private final Map<String, Long> self = new HashMap<>();
        private final Map<String, Long> ours = new HashMap<>();
        private final Map<String, Long> threads = new HashMap<>();
        private long samples;

        void add(String thread, List<RecordedFrame> frames) {
            samples++;
            self.merge(name(frames.get(0)), 1L, Long::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : frames) {
                String name = name(frame);
                if (name.startsWith(OURS) && seen.add(name)) {
                    ours.merge(name, 1L, Long::sum);
                }
            }
            threads.merge(thread.replaceAll("-?\\d+$", ""), 1L, Long::sum);
        }
    }

    static String summarise(Path recording, int top) throws IOException {
        if (!Files.exists(recording)) {
            return "no recording at " + recording + "\n";
        }
        Counts java = new Counts();
        Counts nativeCode = new Counts();
        Map<String, Long> allocatedClasses = new HashMap<>();
        Map<String, Long> allocatingSites = new HashMap<>();
        long allocated = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                String type = event.getEventType().getName();
                if (type.equals("jdk.ObjectAllocationSample")) {
                    long weight = event.getLong("weight");
                    allocated += weight;
                    allocatedClasses.merge(event.getClass("objectClass").getName(), weight, Long::sum);
                    RecordedStackTrace stack = event.getStackTrace();
                    if (stack != null) {
                        allocatingSites.merge(firstOurs(stack.getFrames()), weight, Long::sum);
                    }
                    continue;
                }
                Counts counts = switch (type) {
                    case "jdk.ExecutionSample" -> java;
                    case "jdk.NativeMethodSample" -> nativeCode;
                    default -> null;
                };
                RecordedStackTrace stack = counts == null ? null : event.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) {
                    continue;
                }
                String thread = event.getThread("sampledThread") == null ? "?"
                        : String.valueOf(event.getThread("sampledThread").getJavaName());
                if (!thread.equals("main")) {
                    counts.add(thread, stack.getFrames());
                }
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%s: %d Java samples (jdk.ExecutionSample), %d native samples"
                + " (jdk.NativeMethodSample)%n", recording.getFileName(), java.samples, nativeCode.samples));
        append(out, "Java: top frames (self)", java.self, java.samples, top);
        append(out, "Java: bridge methods (total, once per sample)", java.ours, java.samples, top);
        append(out, "Java: threads", java.threads, java.samples, 10);
        append(out, "native: top frames", nativeCode.self, nativeCode.samples, 10);
        append(out, "native: threads", nativeCode.threads, nativeCode.samples, 10);
        out.append(String.format(Locale.ROOT, "  allocation samples (jdk.ObjectAllocationSample), %.0f MB estimated"
                + " in all:%n", allocated / 1e6));
        append(out, "allocated classes (share of bytes)", allocatedClasses, allocated, 10);
        append(out, "allocating site: first bridge frame, else top frame (share of bytes)", allocatingSites,
                allocated, 12);
        return out.toString();
    }

    private static String firstOurs(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String name = name(frame);
            if (name.startsWith(OURS) && !name.startsWith("org.hakoniwa.bridge.bench.")) {
                return name;
            }
        }
        return frames.isEmpty() ? "?" : name(frames.get(0));
    }

    private static String name(RecordedFrame frame) {
        RecordedMethod method = frame.getMethod();
        return method == null ? "?" : method.getType().getName() + "." + method.getName();
    }

    private static void append(StringBuilder out, String title, Map<String, Long> counts, long samples, int top) {
        out.append("  ").append(title).append(":\n");
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        for (Map.Entry<String, Long> entry : sorted.subList(0, Math.min(top, sorted.size()))) {
            out.append(String.format(Locale.ROOT, "    %5.1f%%  %s%n", 100.0 * entry.getValue() / Math.max(1, samples),
                    entry.getKey()));
        }
    }
}
