package dev.outboxstock.relay.engine;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** What the embedded engine is doing now; the health checks report it. */
@ApplicationScoped
public class RelayStatus {

    public enum State {
        STARTING,
        STREAMING,
        STOPPED,
        FAILED
    }

    private final AtomicReference<State> state = new AtomicReference<>(State.STARTING);
    private final AtomicReference<String> failure = new AtomicReference<>();

    public State state() {
        return state.get();
    }

    public Optional<String> failure() {
        return Optional.ofNullable(failure.get());
    }

    void streaming() {
        state.set(State.STREAMING);
    }

    void stopped() {
        state.compareAndSet(State.STREAMING, State.STOPPED);
        state.compareAndSet(State.STARTING, State.STOPPED);
    }

    void failed(String reason) {
        failure.set(reason);
        state.set(State.FAILED);
    }
}
