package dev.outboxstock.console.service;

import dev.outboxstock.console.deadletter.DeadLetter;
import java.util.List;

/** One page of a list of dead letters, and how many match in all. */
public record DeadLetterPage(List<DeadLetter> items, long total) {}
