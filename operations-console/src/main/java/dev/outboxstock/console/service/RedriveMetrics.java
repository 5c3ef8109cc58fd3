package dev.outboxstock.console.service;

import dev.outboxstock.console.deadletter.ActionKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** Counts what operators do: actions, and the dead letters each replayed or discarded. */
@ApplicationScoped
public class RedriveMetrics {

    private final MeterRegistry registry;

    public RedriveMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void performed(ActionKind action, int deadLetters) {
        Counter.builder("console.redrive.actions")
                .description("Replays and discards operators performed")
                .tag("action", action.name())
                .register(registry)
                .increment();
        Counter.builder("console.redrive.dead.letters")
                .description("Dead letters replayed or discarded")
                .tag("action", action.name())
                .register(registry)
                .increment(deadLetters);
    }
}
