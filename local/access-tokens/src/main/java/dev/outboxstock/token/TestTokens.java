package dev.outboxstock.token;

/**
 * Tokens the services' {@code @QuarkusTest}s present: signed with the fixed test key their test profile trusts, one
 * test caller per role.
 */
public final class TestTokens {

    /** The subject of {@link #customer()}: the owner of the orders a test places with it. */
    public static final String CUSTOMER = "test-customer";

    private static final TokenIssuer ISSUER = TokenIssuer.forTests();

    private TestTokens() {}

    public static TokenIssuer issuer() {
        return ISSUER;
    }

    public static String customer() {
        return ISSUER.token(Role.CUSTOMER, CUSTOMER);
    }

    /** A token of another customer than {@link #customer()}. */
    public static String customer(String subject) {
        return ISSUER.token(Role.CUSTOMER, subject);
    }

    public static String stockAdmin() {
        return ISSUER.token(Role.STOCK_ADMIN, "test-stock-admin");
    }

    public static String operator() {
        return operator("test-operator");
    }

    /** An operator's token with this subject: the name the console's action log records. */
    public static String operator(String subject) {
        return ISSUER.token(Role.OPERATOR, subject);
    }
}
