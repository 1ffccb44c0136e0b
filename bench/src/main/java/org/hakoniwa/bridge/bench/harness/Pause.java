package org.hakoniwa.bridge.bench.harness;

import java.time.Duration;
import java.util.List;

/** Waiting in the harness: for a duration, or until the clients stop receiving. */
final class Pause {
    private Pause() {
    }

    static void sleep(Duration duration) throws BenchException {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted", e);
        }
    }

    /** Waits until no client has received anything for 200 ms (at most 10 s), so one run does not leak into the next. */
    static void quiesce(List<Receiver> receivers) throws BenchException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        long last = total(receivers);
        long stableSince = System.nanoTime();
        while (System.nanoTime() - deadline < 0) {
            sleep(Duration.ofMillis(50));
            long now = total(receivers);
            if (now != last) {
                last = now;
                stableSince = System.nanoTime();
            } else if (System.nanoTime() - stableSince >= Duration.ofMillis(200).toNanos()) {
                return;
            }
        }
    }

    private static long total(List<Receiver> receivers) {
        long total = 0;
        for (Receiver receiver : receivers) {
            total += receiver.messages();
        }
        return total;
    }
}
