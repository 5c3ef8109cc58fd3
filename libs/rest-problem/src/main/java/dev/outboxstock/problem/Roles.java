package dev.outboxstock.problem;

/**
 * The roles a caller's bearer token grants (its {@code groups} claim), as the services' endpoints declare them in
 * {@code @RolesAllowed}. The same names as {@code dev.outboxstock.token.Role}, which signs tokens for tests and the
 * local system.
 */
public final class Roles {

    /** Places orders, reads and cancels its own; reads stock. */
    public static final String CUSTOMER = "customer";

    /** Sets stock and reads products' history. */
    public static final String STOCK_ADMIN = "stock-admin";

    /** Uses the operations console and its redrive API, and reads what the console shows through the services. */
    public static final String OPERATOR = "operator";

    private Roles() {}
}
