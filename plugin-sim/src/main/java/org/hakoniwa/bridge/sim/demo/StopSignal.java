package org.hakoniwa.bridge.sim.demo;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.CountDownLatch;

/**
 * Waits for Ctrl-C (SIGINT) or SIGTERM. The signals are caught (through {@code sun.misc.Signal}, looked up
 * reflectively because javac flags it as internal API) so that the process stops gracefully and exits with 0; where
 * that API is missing, a shutdown hook releases the wait instead (the exit code is then the JVM's).
 */
final class StopSignal {
    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);

    StopSignal() {
        if (!catchSignals("INT", "TERM")) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stop.countDown();
                try {
                    stopped.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "bridge-shutdown"));
        }
    }

    private boolean catchSignals(String... names) {
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            Constructor<?> constructor = signalClass.getConstructor(String.class);
            Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
            Object handler = Proxy.newProxyInstance(handlerClass.getClassLoader(), new Class<?>[] {handlerClass},
                    (proxy, method, args) -> {
                        if (method.getName().equals("handle")) {
                            stop.countDown();
                        }
                        return null;
                    });
            for (String name : names) {
                handle.invoke(null, constructor.newInstance(name), handler);
            }
            return true;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return false;
        }
    }

    void await() throws InterruptedException {
        stop.await();
    }

    /** Tells a waiting shutdown hook that the graceful stop is done. */
    void done() {
        stopped.countDown();
    }
}
