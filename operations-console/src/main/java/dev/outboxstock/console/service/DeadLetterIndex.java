package dev.outboxstock.console.service;

import dev.outboxstock.console.deadletter.DisplayText;
import dev.outboxstock.console.deadletter.NewDeadLetter;
import dev.outboxstock.console.deadletter.RecordBytes;
import dev.outboxstock.console.repository.DeadLetterRepository;
import dev.outboxstock.console.repository.SetAsideRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;

/**
 * Adds dead letters to the index as they are read: each record once, however often it is read; and keeps aside one
 * it can never take.
 */
@ApplicationScoped
public class DeadLetterIndex {

    private final DeadLetterRepository deadLetters;
    private final SetAsideRepository setAside;
    private final MeterRegistry registry;

    public DeadLetterIndex(DeadLetterRepository deadLetters, SetAsideRepository setAside, MeterRegistry registry) {
        this.deadLetters = deadLetters;
        this.setAside = setAside;
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

    /** Keeps a record the index refused for good, whole, with why (its text shown as a display column shows it). */
    @Transactional
    public void setAside(String topic, int partition, long offset, RecordBytes bytes, Throwable why) {
        setAside.insertIfNew(
                topic,
                partition,
                offset,
                bytes,
                DisplayText.of(String.valueOf(why).getBytes(StandardCharsets.UTF_8)));
    }
}
