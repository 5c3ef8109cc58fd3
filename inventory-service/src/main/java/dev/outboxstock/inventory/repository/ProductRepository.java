package dev.outboxstock.inventory.repository;

import dev.outboxstock.inventory.domain.Product;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * Stock changes are single conditional statements, never read-modify-write: PostgreSQL's row lock serialises
 * concurrent changes of one product and each condition is checked against the latest committed value. Each
 * returns the level it left behind.
 */
@ApplicationScoped
public class ProductRepository implements PanacheRepositoryBase<Product, String> {

    /** Takes {@code quantity} units if that many are available; empty when the product is short or unknown. */
    public Optional<Integer> decreaseIfAvailable(String productId, int quantity) {
        return levelAfter(
                "UPDATE product SET available = available - ?2, version = version + 1, updated_at = now()"
                        + " WHERE id = ?1 AND available >= ?2 RETURNING available",
                productId,
                quantity);
    }

    /** Adds units, creating the product if it is new. */
    public int add(String productId, int quantity) {
        return levelAfter(
                        "INSERT INTO product (id, available) VALUES (?1, ?2) ON CONFLICT (id) DO UPDATE"
                                + " SET available = product.available + excluded.available,"
                                + " version = product.version + 1, updated_at = now() RETURNING available",
                        productId,
                        quantity)
                .orElseThrow();
    }

    /** Sets the level, creating the product if it is new. */
    public int setAvailable(String productId, int available) {
        return levelAfter(
                        "INSERT INTO product (id, available) VALUES (?1, ?2) ON CONFLICT (id) DO UPDATE"
                                + " SET available = excluded.available, version = product.version + 1,"
                                + " updated_at = now() RETURNING available",
                        productId,
                        available)
                .orElseThrow();
    }

    public List<Product> page(int index, int size) {
        return findAll(io.quarkus.panache.common.Sort.by("id"))
                .page(index, size)
                .list();
    }

    private Optional<Integer> levelAfter(String statement, String productId, int quantity) {
        List<?> levels = getEntityManager()
                .createNativeQuery(statement)
                .setParameter(1, productId)
                .setParameter(2, quantity)
                .getResultList();
        return levels.stream().findFirst().map(level -> ((Number) level).intValue());
    }
}
