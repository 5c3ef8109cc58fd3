package dev.outboxstock.relay.testing;

import dev.outboxstock.localstack.LocalStack;
import dev.outboxstock.localstack.testing.ClasspathText;

/** The relay tests' {@code orders} database: an outbox table and its publication, and the relay's own role. */
public final class RelaySchema {

    /** The scripts, for {@code LocalStackTestResource.INIT_SCRIPT}. */
    public static final String SCRIPTS = "outbox-schema.sql,db/relay-role.sql";

    private RelaySchema() {}

    public static void createIn(LocalStack stack) {
        for (String script : SCRIPTS.split(",")) {
            stack.postgres().orElseThrow().execute("orders", ClasspathText.read(script));
        }
    }
}
