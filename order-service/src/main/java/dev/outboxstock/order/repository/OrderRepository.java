package dev.outboxstock.order.repository;

import dev.outboxstock.order.domain.CustomerOrder;
import dev.outboxstock.order.domain.OrderLine;
import dev.outboxstock.order.domain.OrderStatus;
import dev.outboxstock.outbox.BatchColumns;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.Session;

@ApplicationScoped
public class OrderRepository implements PanacheRepositoryBase<CustomerOrder, UUID> {

    private static final String INSERT_ORDER =
            "INSERT INTO customer_order (id, owner, status, created_at, updated_at, version)"
                    + " VALUES (?, ?, ?, ?, ?, 0)";
    private static final String INSERT_LINES =
            "INSERT INTO order_line (id, order_id, line_number, product_id, quantity, status, requested_at, times_asked,"
                    + " next_ask_at) SELECT l.id, CAST(? AS uuid), l.line_number, l.product_id, l.quantity, l.status,"
                    + " l.requested_at, l.times_asked, l.next_ask_at FROM unnest(CAST(? AS uuid[]), CAST(? AS int[]),"
                    + " CAST(? AS varchar[]), CAST(? AS int[]), CAST(? AS varchar[]), CAST(? AS timestamptz[]),"
                    + " CAST(? AS int[]), CAST(? AS timestamptz[])) AS l (id, line_number, product_id, quantity, status,"
                    + " requested_at, times_asked, next_ask_at)";

    /**
     * Writes a new order and its lines in two statements, past the persistence context: a placed order is only
     * written, and the ORM's bookkeeping for it (entity states, a flush, batching) cost more than the insert itself.
     */
    public void insert(CustomerOrder order) {
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_ORDER)) {
                insert.setObject(1, order.id());
                insert.setString(2, order.owner());
                insert.setString(3, order.status().name());
                insert.setObject(4, order.createdAt().atOffset(ZoneOffset.UTC));
                insert.setObject(5, order.updatedAt().atOffset(ZoneOffset.UTC));
                insert.executeUpdate();
            }
            BatchColumns<OrderLine> columns = new BatchColumns<>(connection, order.lines());
            try (PreparedStatement insert = connection.prepareStatement(INSERT_LINES)) {
                insert.setObject(1, order.id());
                insert.setArray(2, columns.array("text", line -> line.id().toString()));
                insert.setArray(3, columns.array("int4", OrderLine::lineNumber));
                insert.setArray(4, columns.array("text", OrderLine::productId));
                insert.setArray(5, columns.array("int4", OrderLine::quantity));
                insert.setArray(6, columns.array("text", line -> line.status().name()));
                insert.setArray(
                        7, columns.array("text", line -> line.requestedAt().toString()));
                insert.setArray(8, columns.array("int4", OrderLine::timesAsked));
                insert.setArray(
                        9,
                        columns.array(
                                "text",
                                line -> line.nextAskAt().map(Instant::toString).orElse(null)));
                insert.executeUpdate();
            }
        });
    }

    /** The order with its lines loaded, so it can be read after the transaction ends. */
    public Optional<CustomerOrder> findWithLines(UUID id) {
        return find("from CustomerOrder o left join fetch o.lines where o.id = ?1", id)
                .singleResultOptional();
    }

    /** The order and its lines, locked until the transaction ends: the one way to change an order. */
    public Optional<CustomerOrder> findForUpdate(UUID id) {
        return Optional.ofNullable(lockWithLines(Set.of(id)).get(id));
    }

    /**
     * The orders among these ids that exist, with their lines, locked until the transaction ends, in id order so
     * that two transactions never wait on each other in a cycle.
     */
    public Map<UUID, CustomerOrder> lockWithLines(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        // An inner join: PostgreSQL cannot lock the nullable side of an outer join, and every order has lines. One
        // array parameter rather than "in" with a list: Hibernate translates a list of a new length afresh, which cost
        // more than the rest of applying a batch of outcomes.
        return find("from CustomerOrder o join fetch o.lines where array_contains(?1, o.id) order by o.id", (Object)
                        ids.toArray(UUID[]::new))
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list()
                .stream()
                .collect(Collectors.toMap(CustomerOrder::id, Function.identity(), (same, again) -> same));
    }

    /** A page of orders, newest first, with their lines loaded. */
    public List<CustomerOrder> pageWithLines(OrderSelection selection, int page, int size) {
        Sort newestFirst = Sort.descending("createdAt").and("id");
        List<UUID> ids = find(selection.where(), newestFirst, selection.parameters())
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

    /**
     * Locks, skipping those another transaction holds, the orders of up to {@code limit} lines that wait for an answer
     * and were due to be asked about again at {@code now}; the longest due first. The partial index on the lines' next
     * ask holds only lines that wait, so a round reads what it handles, however many orders there are.
     */
    public List<UUID> lockDueToAskAgain(Instant now, int limit) {
        return lockedIds(
                "SELECT o.id FROM customer_order o WHERE o.id IN (SELECT l.order_id FROM order_line l"
                        + " WHERE l.status IN ('PENDING', 'RELEASE_REQUESTED') AND l.next_ask_at <= ?1"
                        + " ORDER BY l.next_ask_at LIMIT ?2) ORDER BY o.id FOR UPDATE OF o SKIP LOCKED",
                now,
                limit);
    }

    /** Locks, skipping those another transaction holds, up to {@code limit} orders still pending since before. */
    public List<UUID> lockPendingSince(Instant placedBefore, int limit) {
        return lockedIds(
                "SELECT id FROM customer_order WHERE status = 'PENDING' AND created_at < ?1"
                        + " ORDER BY created_at LIMIT ?2 FOR UPDATE SKIP LOCKED",
                placedBefore,
                limit);
    }

    /** When the oldest order still pending was placed; empty when none is. */
    public Optional<Instant> oldestPendingPlacedAt() {
        return Optional.ofNullable(getEntityManager()
                .createQuery("select min(o.createdAt) from CustomerOrder o where o.status = ?1", Instant.class)
                .setParameter(1, OrderStatus.PENDING)
                .getSingleResult());
    }

    public long count(OrderSelection selection) {
        return count(selection.where(), selection.parameters());
    }

    /**
     * Orders placed since {@code since}, counted per {@code bucket} (buckets start at {@code since}) and by status,
     * in time order; buckets without orders are left out.
     */
    public List<StatusCount> countByBucketAndStatus(Instant since, Duration bucket) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager()
                .createNativeQuery("SELECT CAST(extract(epoch FROM date_bin(CAST(?1 AS interval), created_at, ?2))"
                        + " AS bigint), status, count(*) FROM customer_order WHERE created_at >= ?2"
                        + " GROUP BY 1, 2 ORDER BY 1, 2")
                .setParameter(1, bucket.toSeconds() + " seconds")
                .setParameter(2, since.atOffset(ZoneOffset.UTC))
                .getResultList();
        return rows.stream()
                .map(row -> new StatusCount(
                        Instant.ofEpochSecond(((Number) row[0]).longValue()),
                        OrderStatus.valueOf((String) row[1]),
                        ((Number) row[2]).longValue()))
                .toList();
    }

    /** How many orders of one status were placed in the bucket that starts at {@code bucketStart}. */
    public record StatusCount(Instant bucketStart, OrderStatus status, long count) {}

    private List<UUID> lockedIds(String query, Object... parameters) {
        var nativeQuery = getEntityManager().createNativeQuery(query, UUID.class);
        for (int i = 0; i < parameters.length; i++) {
            nativeQuery.setParameter(i + 1, parameters[i]);
        }
        @SuppressWarnings("unchecked")
        List<UUID> ids = nativeQuery.getResultList();
        return ids;
    }

    /** The id column alone, for paging without loading lines. */
    public record OrderId(UUID id) {}
}
