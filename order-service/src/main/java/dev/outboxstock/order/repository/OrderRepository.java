package dev.outboxstock.order.repository;

import dev.outboxstock.order.domain.CustomerOrder;
import dev.outboxstock.order.domain.OrderStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class OrderRepository implements PanacheRepositoryBase<CustomerOrder, UUID> {

    /** The order with its lines loaded, so it can be read after the transaction ends. */
    public Optional<CustomerOrder> findWithLines(UUID id) {
        return find("from CustomerOrder o left join fetch o.lines where o.id = ?1", id)
                .singleResultOptional();
    }

    /** The order and its lines, locked until the transaction ends: the one way to change an order. */
    public Optional<CustomerOrder> findForUpdate(UUID id) {
        // An inner join: PostgreSQL cannot lock the nullable side of an outer join, and every order has lines.
        return find("from CustomerOrder o join fetch o.lines where o.id = ?1", id)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .singleResultOptional();
    }

    /** A page of orders, newest first, with their lines loaded. */
    public List<CustomerOrder> pageWithLines(Optional<OrderStatus> status, int page, int size) {
        Sort newestFirst = Sort.descending("createdAt").and("id");
        List<UUID> ids = status
                .map(wanted -> find("status", newestFirst, wanted))
                .orElseGet(() -> findAll(newestFirst))
                .page(page, size)
                .project(OrderId.class)
                .list()
                .stream()
                .map(OrderId::id)
                .toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        return find(
                        "from CustomerOrder o left join fetch o.lines where o.id in ?1 order by o.createdAt desc, o.id",
                        ids)
                .list();
    }

    public long count(Optional<OrderStatus> status) {
        return status.map(wanted -> count("status", wanted)).orElseGet(this::count);
    }

    /** The id column alone, for paging without loading lines. */
    public record OrderId(UUID id) {}
}
