package dev.outboxstock.token;

/**
 * The roles the services enforce, as the {@code groups} claim of a token names them. The services declare the same
 * names in {@code dev.outboxstock.problem.Roles} (they never depend on this module, which can sign tokens).
 */
public enum Role {
    /** Places orders, reads and cancels its own; reads stock. */
    CUSTOMER("customer"),
    /** Sets stock and reads products' history. */
    STOCK_ADMIN("stock-admin"),
    /** Uses the operations console and its redrive API, and reads through the services what the console shows. */
    OPERATOR("operator");

    private final String group;

    Role(String group) {
        this.group = group;
    }

    /** The name in the token's {@code groups} claim. */
    public String group() {
        return group;
    }
}
