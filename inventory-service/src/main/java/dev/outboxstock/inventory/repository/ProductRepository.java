package dev.outboxstock.inventory.repository;

import dev.outboxstock.inventory.domain.Product;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Stock changes are single conditional statements, never read-modify-write: PostgreSQL's row lock serialises
 * concurrent changes of one product and the condition is checked against the committed value.
 */
@ApplicationScoped
public class ProductRepository implements PanacheRepositoryBase<Product, String> {

    /** Takes {@code quantity} units if that many are available; false when the product is short or unknown. */
    public boolean decreaseIfAvailable(String productId, int quantity) {
        return update(
                        "available = available - ?2, version = version + 1, updatedAt = current_timestamp"
                                + " where id = ?1 and available >= ?2",
                        productId,
                        quantity)
                == 1;
    }

    /** Sets the available units, creating the product if it is new. */
    public void setAvailable(String productId, int available) {
        getEntityManager()
                .createNativeQuery("INSERT INTO product (id, available) VALUES (?1, ?2) ON CONFLICT (id) DO UPDATE"
                        + " SET available = excluded.available, version = product.version + 1, updated_at = now()")
                .setParameter(1, productId)
                .setParameter(2, available)
                .executeUpdate();
    }
}
