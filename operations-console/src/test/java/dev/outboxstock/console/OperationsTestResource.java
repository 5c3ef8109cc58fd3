package dev.outboxstock.console;

import dev.outboxstock.localstack.testing.LocalStackTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Runs a test against real PostgreSQL (database {@code operations}) and Kafka; tests sharing it share one app. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@WithTestResource(
        value = LocalStackTestResource.class,
        initArgs = {@ResourceArg(name = LocalStackTestResource.DATABASES, value = "operations")})
public @interface OperationsTestResource {}
