package dev.outboxstock.relay;

import dev.outboxstock.localstack.testing.LocalStackTestResource;
import dev.outboxstock.relay.testing.RelaySchema;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the relay in the test's application against real Kafka and PostgreSQL, whose {@code orders} database has the
 * outbox table the relay reads; tests sharing it share one app.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@WithTestResource(
        value = LocalStackTestResource.class,
        initArgs = {
            @ResourceArg(name = LocalStackTestResource.DATABASES, value = "orders"),
            @ResourceArg(name = LocalStackTestResource.INIT_SCRIPT, value = RelaySchema.SCRIPTS)
        })
public @interface RelayTestResource {}
