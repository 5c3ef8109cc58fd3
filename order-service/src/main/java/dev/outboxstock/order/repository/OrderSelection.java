package dev.outboxstock.order.repository;

import dev.outboxstock.order.domain.OrderStatus;
import io.quarkus.panache.common.Parameters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Which orders a list is about: all, or those of one status, or placed before a time, or both. */
public record OrderSelection(Optional<OrderStatus> status, Optional<Instant> createdBefore) {

    public static OrderSelection all() {
        return new OrderSelection(Optional.empty(), Optional.empty());
    }

    /** The selection as a Panache condition; {@code 1 = 1} when it selects every order. */
    String where() {
        List<String> conditions = new ArrayList<>();
        status.ifPresent(wanted -> conditions.add("status = :status"));
        createdBefore.ifPresent(before -> conditions.add("createdAt < :createdBefore"));
        return conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions);
    }

    Parameters parameters() {
        Parameters parameters = new Parameters();
        status.ifPresent(wanted -> parameters.and("status", wanted));
        createdBefore.ifPresent(before -> parameters.and("createdBefore", before));
        return parameters;
    }
}
