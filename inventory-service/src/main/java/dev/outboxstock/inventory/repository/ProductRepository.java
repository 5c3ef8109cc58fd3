package dev.outboxstock.inventory.repository;

import dev.outboxstock.inventory.domain.Product;
import dev.outboxstock.outbox.BatchColumns;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.Session;

/**
 * Products and their levels. Consumed events change levels a batch at a time: lock the batch's products, compute in
 * memory, write the new levels back, each in one statement. Rows are always locked in id order, so that two
 * transactions never wait on each other in a cycle.
 */
@ApplicationScoped
public class ProductRepository implements PanacheRepositoryBase<Product, String> {

    /** A product's level after a batch, and the number of changes that led there: its version grows by as many. */
    public record LevelChange(String productId, int available, int changes) {}

    /** Creates the products that do not exist yet, with no units; returns the ids of those it created. */
    public Set<String> createMissing(Collection<String> productIds) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO product (id, available) SELECT id, 0 FROM unnest(CAST(? AS varchar[])) AS new (id)"
                            + " ORDER BY id ON CONFLICT (id) DO NOTHING RETURNING id")) {
                insert.setArray(1, new BatchColumns<>(connection, productIds).array("text", id -> id));
                Set<String> created = new HashSet<>();
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        created.add(rows.getString(1));
                    }
                }
                return created;
            }
        });
    }

    /** Locks the products that exist among these until the transaction ends; returns their levels. */
    public Map<String, Integer> lockLevels(Collection<String> productIds) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, available FROM product WHERE id = ANY (CAST(? AS varchar[])) ORDER BY id FOR UPDATE")) {
                select.setArray(1, new BatchColumns<>(connection, productIds).array("text", id -> id));
                Map<String, Integer> levels = new HashMap<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        levels.put(rows.getString(1), rows.getInt(2));
                    }
                }
                return levels;
            }
        });
    }

    /** Writes the levels of locked products. The table's check still refuses any level below zero. */
    public void writeLevels(List<LevelChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        session().doWork(connection -> {
            BatchColumns<LevelChange> columns = new BatchColumns<>(connection, changes);
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE product p SET available = c.available, version = p.version + c.changes, updated_at = now()"
                            + " FROM unnest(CAST(? AS varchar[]), CAST(? AS int[]), CAST(? AS int[]))"
                            + " AS c (id, available, changes) WHERE p.id = c.id")) {
                update.setArray(1, columns.array("text", LevelChange::productId));
                update.setArray(2, columns.array("int4", LevelChange::available));
                update.setArray(3, columns.array("int4", LevelChange::changes));
                update.executeUpdate();
            }
        });
    }

    /** Sets the level, creating the product if it is new; returns the level. */
    public int setAvailable(String productId, int available) {
        return ((Number) getEntityManager()
                        .createNativeQuery(
                                "INSERT INTO product (id, available) VALUES (?1, ?2) ON CONFLICT (id) DO UPDATE"
                                        + " SET available = excluded.available, version = product.version + 1,"
                                        + " updated_at = now() RETURNING available")
                        .setParameter(1, productId)
                        .setParameter(2, available)
                        .getSingleResult())
                .intValue();
    }

    public List<Product> page(int index, int size) {
        return findAll(Sort.by("id")).page(index, size).list();
    }

    private Session session() {
        return getEntityManager().unwrap(Session.class);
    }
}
