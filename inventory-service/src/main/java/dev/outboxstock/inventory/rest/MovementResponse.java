package dev.outboxstock.inventory.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.outboxstock.inventory.domain.MovementKind;
import dev.outboxstock.inventory.domain.MovementOutcome;
import java.time.Instant;
import java.util.UUID;

/**
 * One change of a product's stock as the API shows it: what caused it (event, order), what it did, and the level it
 * left behind (absent when it was rejected, with the reason instead).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MovementResponse(
        long id,
        UUID eventId,
        UUID orderId,
        MovementKind kind,
        int quantity,
        MovementOutcome outcome,
        String reason,
        Integer availableAfter,
        Instant recordedAt) {}
