package dev.outboxstock.console.rest;

import java.util.List;

/** A page of {@code GET /dead-letters}: the dead letters, where the page is, and how many match in all. */
public record DeadLetterPageResponse(List<DeadLetterSummary> items, int page, int size, long total) {}
