package dev.outboxstock.benchmark.flashsale;

/**
 * The flash sale to stage.
 *
 * @param orders one-unit orders placed in each case
 * @param clients concurrent closed-loop clients (and JDBC clients of the synchronous alternatives)
 * @param spreadProducts the products the same orders are spread over in the comparison case
 * @param stockShare the units on sale as a share of the orders: below 1, so that the last orders are refused
 * @param rawUpdates single-row conditional updates of the raw PostgreSQL baseline
 */
public record FlashSaleSettings(int orders, int clients, int spreadProducts, double stockShare, int rawUpdates) {

    /** The units on sale, spread evenly over {@code products}: each product's share. */
    public int stockPerProduct(int products) {
        return Math.max(1, (int) (orders * stockShare / products));
    }
}
