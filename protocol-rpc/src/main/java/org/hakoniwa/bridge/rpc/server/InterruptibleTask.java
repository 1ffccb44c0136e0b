package org.hakoniwa.bridge.rpc.server;

import java.nio.ByteBuffer;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs a synchronous handler on an executor behind a CompletableFuture whose {@code cancel} interrupts the handler's
 * thread (a plain {@code CompletableFuture.supplyAsync} cannot).
 */
final class InterruptibleTask extends CompletableFuture<ByteBuffer> {
    private volatile Future<?> running;

    private InterruptibleTask() {
    }

    static CompletableFuture<ByteBuffer> submit(ExecutorService executor, Callable<ByteBuffer> work) {
        InterruptibleTask task = new InterruptibleTask();
        try {
            task.running = executor.submit(() -> {
                try {
                    task.complete(work.call());
                } catch (Exception | Error e) {
                    task.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            task.completeExceptionally(e);
        }
        return task;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        Future<?> future = running;
        if (future != null) {
            future.cancel(true);
        }
        return cancelled;
    }
}
