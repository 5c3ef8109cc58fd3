package dev.outboxstock.benchmark.flashsale;

import dev.outboxstock.localstack.PostgresServer;
import dev.outboxstock.system.LocalSystem;

/**
 * Tables of their own for the baselines and the synchronous alternatives, in a schema of order-service's database
 * (same server, same disk, same settings) that no service reads: the system's data stays untouched.
 */
final class ScratchSchema {

    static final String DATABASE = LocalSystem.ORDERS_DATABASE;
    static final String PRODUCT = "sync_alternative.product";
    static final String ORDER = "sync_alternative.customer_order";

    private ScratchSchema() {}

    /** Creates the schema if needed; empties its tables and puts {@code units} of {@code product} on sale. */
    static void reset(PostgresServer postgres, String product, long units) {
        postgres.execute(
                DATABASE,
                "CREATE SCHEMA IF NOT EXISTS sync_alternative;"
                        + " CREATE TABLE IF NOT EXISTS " + PRODUCT + " (id varchar(64) PRIMARY KEY,"
                        + " available integer NOT NULL CHECK (available >= 0), version bigint NOT NULL DEFAULT 0);"
                        + " CREATE TABLE IF NOT EXISTS " + ORDER
                        + " (id uuid PRIMARY KEY, product_id varchar(64) NOT NULL,"
                        + " quantity integer NOT NULL, status varchar(16) NOT NULL, created_at timestamptz NOT NULL);"
                        + " TRUNCATE " + PRODUCT + ", " + ORDER + ";"
                        + " INSERT INTO " + PRODUCT + " (id, available) VALUES ('" + product + "', " + units + ")");
    }
}
