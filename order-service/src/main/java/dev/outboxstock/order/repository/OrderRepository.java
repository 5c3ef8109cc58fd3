package dev.outboxstock.order.repository;

import dev.outboxstock.order.domain.CustomerOrder;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class OrderRepository implements PanacheRepositoryBase<CustomerOrder, UUID> {

    /** The order with its lines loaded, so it can be read after the transaction ends. */
    public Optional<CustomerOrder> findWithLines(UUID id) {
        return find("from CustomerOrder o left join fetch o.lines where o.id = ?1", id)
                .singleResultOptional();
    }
}
