package dev.outboxstock.consumer.ledger;

import dev.outboxstock.localstack.testing.LocalStackTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the ledger test application against real PostgreSQL (database {@code ledger}) and Kafka with the ledger's
 * topics; tests sharing it share one application.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@WithTestResource(
        value = LedgerStackResource.class,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASES, value = LedgerDatabase.NAME))
public @interface LedgerTestResource {}
