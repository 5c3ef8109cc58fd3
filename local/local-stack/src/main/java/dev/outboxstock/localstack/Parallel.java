package dev.outboxstock.localstack;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs one slow action per item at the same time, a thread each (not the common pool, which has a single thread on
 * a 2-core machine). Returns only once every action has finished, so a failure leaves none still running.
 */
final class Parallel {

    private Parallel() {}

    static <T, R> List<R> map(List<T> items, Function<T, R> action) {
        List<CompletableFuture<R>> runs = items.stream()
                .map(item -> CompletableFuture.supplyAsync(
                        () -> action.apply(item), task -> new Thread(task, "local-stack-" + item).start()))
                .toList();
        try {
            CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
        return runs.stream().map(CompletableFuture::join).toList();
    }

    static <T> void forEach(List<T> items, Consumer<T> action) {
        map(items, item -> {
            action.accept(item);
            return item;
        });
    }
}
