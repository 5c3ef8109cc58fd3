package dev.outboxstock.reliability;

import dev.outboxstock.localstack.testing.TestDatabase;
import dev.outboxstock.system.LocalSystem;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads both databases directly and checks the system's promises for one set of products: every order settled,
 * stock conserved, no event applied twice, stock never below zero (now and at every step of its history), and the
 * replication slots keeping little write-ahead log.
 */
final class SystemAudit {

    private final TestDatabase orders;
    private final TestDatabase inventory;

    SystemAudit(LocalSystem system) {
        this.orders = new TestDatabase(system.stack(), LocalSystem.ORDERS_DATABASE);
        this.inventory = new TestDatabase(system.stack(), LocalSystem.INVENTORY_DATABASE);
    }

    /** Orders of these products still waiting for inventory, or lines still waiting for their stock to come back. */
    long unsettled(String productPrefix) {
        return orders.number(
                "SELECT count(*) FROM order_line l JOIN customer_order o ON o.id = l.order_id"
                        + " WHERE l.product_id LIKE ? AND (o.status = 'PENDING' OR l.status = 'RELEASE_REQUESTED')",
                productPrefix + "%");
    }

    /** Products whose stock does not equal initial stock minus the units of confirmed orders. */
    List<String> unconserved(Map<String, Integer> initialStock) {
        Map<String, Long> confirmedUnits = new HashMap<>();
        orders.query(
                        "SELECT l.product_id, sum(l.quantity) FROM order_line l JOIN customer_order o"
                                + " ON o.id = l.order_id WHERE o.status = 'CONFIRMED' AND l.product_id = ANY (?)"
                                + " GROUP BY l.product_id",
                        (Object) initialStock.keySet().toArray(String[]::new))
                .forEach(row -> confirmedUnits.put((String) row.get(0), ((Number) row.get(1)).longValue()));
        return initialStock.entrySet().stream()
                .filter(product -> available(product.getKey())
                        != product.getValue() - confirmedUnits.getOrDefault(product.getKey(), 0L))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Orders the client was told were accepted (201) that are missing or not settled. */
    long lost(List<UUID> accepted) {
        Set<UUID> settled = new HashSet<>();
        orders.query(
                        "SELECT id FROM customer_order WHERE id = ANY (?) AND status IN ('CONFIRMED', 'REJECTED')",
                        (Object) accepted.toArray(UUID[]::new))
                .forEach(row -> settled.add((UUID) row.get(0)));
        return accepted.stream().filter(id -> !settled.contains(id)).count();
    }

    /** Order lines of these products: what inventory was asked about, once each at best. */
    long orderLines(String productPrefix) {
        return orders.number("SELECT count(*) FROM order_line WHERE product_id LIKE ?", productPrefix + "%");
    }

    /** Orders of these products rejected for waiting too long rather than for stock. */
    long timedOut(String productPrefix) {
        return orders.number(
                "SELECT count(DISTINCT o.id) FROM customer_order o JOIN order_line l ON l.order_id = o.id"
                        + " WHERE l.product_id LIKE ? AND o.rejection_reason LIKE 'TIMED_OUT%'",
                productPrefix + "%");
    }

    Map<String, Long> statusCounts(String productPrefix) {
        Map<String, Long> counts = new HashMap<>();
        orders.query(
                        "SELECT o.status, count(DISTINCT o.id) FROM customer_order o JOIN order_line l"
                                + " ON l.order_id = o.id WHERE l.product_id LIKE ? GROUP BY o.status",
                        productPrefix + "%")
                .forEach(row -> counts.put((String) row.get(0), ((Number) row.get(1)).longValue()));
        return counts;
    }

    /**
     * Effects applied more than once: a consumed event with two movements, or one order line's stock taken (or
     * given back) twice.
     */
    long doubleApplied(String productPrefix) {
        return inventory.number(
                        "SELECT count(*) FROM (SELECT event_id FROM stock_movement WHERE event_id IS NOT NULL"
                                + " AND product_id LIKE ? GROUP BY event_id HAVING count(*) > 1) twice",
                        productPrefix + "%")
                + inventory.number(
                        "SELECT count(*) FROM (SELECT order_id, product_id, kind FROM stock_movement"
                                + " WHERE outcome = 'APPLIED' AND order_id IS NOT NULL AND product_id LIKE ?"
                                + " GROUP BY order_id, product_id, kind HAVING count(*) > 1) twice",
                        productPrefix + "%");
    }

    /**
     * Replays each product's history of movements and counts the steps where it disagrees with itself or with the
     * stock now, or where the level was below zero.
     */
    long historyViolations(String productPrefix) {
        Map<String, Integer> level = new HashMap<>();
        long violations = 0;
        for (List<Object> movement : inventory.query(
                "SELECT product_id, kind, quantity, outcome, available_after FROM stock_movement"
                        + " WHERE product_id LIKE ? ORDER BY id",
                productPrefix + "%")) {
            String product = (String) movement.get(0);
            String kind = (String) movement.get(1);
            int quantity = (Integer) movement.get(2);
            if (!"APPLIED".equals(movement.get(3))) {
                continue;
            }
            int after = (Integer) movement.get(4);
            int expected = switch (kind) {
                case "SET" -> quantity;
                case "DECREASE" -> level.getOrDefault(product, 0) - quantity;
                default -> level.getOrDefault(product, 0) + quantity;
            };
            if (after != expected || after < 0) {
                violations++;
            }
            level.put(product, after);
        }
        for (Map.Entry<String, Integer> last : level.entrySet()) {
            if (available(last.getKey()) != last.getValue()) {
                violations++;
            }
        }
        return violations;
    }

    /** The most write-ahead log any replication slot keeps, in bytes. */
    long largestRetainedWal() {
        return inventory.number("SELECT coalesce(max(pg_current_wal_lsn() - confirmed_flush_lsn), 0)::bigint"
                + " FROM pg_replication_slots");
    }

    private long available(String product) {
        return inventory.number("SELECT available FROM product WHERE id = ?", product);
    }
}
