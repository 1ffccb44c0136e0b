package org.hakoniwa.bridge.sim.demo;

/**
 * Two drones: drone1 flies a circle of radius 2 m at 1 m altitude, drone2 a figure eight at 2 m. Each
 * {@link #advance} moves simulated time on by one step while the simulation runs. Thread-safe.
 */
public final class DemoSimulation {
    private final long stepMicros;
    private final Object lock = new Object();
    // guarded by lock: timeMicros, steps, running
    private long timeMicros;
    private long steps;
    private boolean running = true;

    public DemoSimulation(long stepMicros) {
        if (stepMicros <= 0) {
            throw new IllegalArgumentException("stepMicros must be > 0: " + stepMicros);
        }
        this.stepMicros = stepMicros;
    }

    /** Moves time on by one step if running; returns the simulation time after it. */
    public long advance() {
        synchronized (lock) {
            if (running) {
                timeMicros += stepMicros;
                steps++;
            }
            return timeMicros;
        }
    }

    public long timeMicros() {
        synchronized (lock) {
            return timeMicros;
        }
    }

    public void start() {
        synchronized (lock) {
            running = true;
        }
    }

    public void stop() {
        synchronized (lock) {
            running = false;
        }
    }

    public void reset() {
        synchronized (lock) {
            timeMicros = 0;
            steps = 0;
        }
    }

    public boolean running() {
        synchronized (lock) {
            return running;
        }
    }

    public String status() {
        synchronized (lock) {
            return String.format(java.util.Locale.ROOT, "%s t=%.3fs steps=%d drones=2",
                    running ? "running" : "stopped", timeMicros / 1e6, steps);
        }
    }

    /** drone1: a circle, heading along the path. */
    public Twist drone1(long atMicros) {
        double t = atMicros / 1e6;
        double w = 0.5;
        return new Twist(2 * Math.cos(w * t), 2 * Math.sin(w * t), 1.0, 0, 0, w * t + Math.PI / 2);
    }

    /** drone2: a figure eight. */
    public Twist drone2(long atMicros) {
        double t = atMicros / 1e6;
        double w = 0.4;
        return new Twist(3 * Math.sin(w * t), 1.5 * Math.sin(2 * w * t), 2.0, 0, 0, w * t);
    }
}
