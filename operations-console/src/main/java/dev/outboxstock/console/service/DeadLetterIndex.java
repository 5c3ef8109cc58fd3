package dev.outboxstock.console.service;

import dev.outboxstock.console.deadletter.NewDeadLetter;
import dev.outboxstock.console.repository.DeadLetterRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Adds dead letters to the index as they are read: each record once, however often it is read. */
@ApplicationScoped
public class DeadLetterIndex {

    private final DeadLetterRepository deadLetters;
    private final MeterRegistry registry;

    public DeadLetterIndex(DeadLetterRepository deadLetters, MeterRegistry registry) {
        this.deadLetters = deadLetters;
        this.registry = registry;
    }

    @Transactional
    public void add(NewDeadLetter record) {
        if (deadLetters.insertIfNew(record)) {
            Counter.builder("console.dead.letters.indexed")
                    .description("Dead letters read from their topics into the console's index")
                    .tag("topic", record.topic())
                    .register(registry)
                    .increment();
        }
    }
}
