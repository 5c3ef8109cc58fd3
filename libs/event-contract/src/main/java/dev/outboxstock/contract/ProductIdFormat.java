package dev.outboxstock.contract;

/** The format of a product id, the stock topic's record key: every service validates ids against it. */
public final class ProductIdFormat {

    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    public static final String MESSAGE = "a product id is 1 to 64 letters, digits, '.', '_' or '-'";

    private ProductIdFormat() {}
}
