package dev.outboxstock.contract.testing;

import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A consumer contract test: Pact writes the pacts its {@code @Pact} methods define, then they are checked against
 * the committed ones. One class per consumer and provider: Pact overwrites a pact file with each class's pacts.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
// Registered first, so that its afterAll runs last: after Pact's extension has written the pact files.
@ExtendWith(CommittedPactCheck.class)
@ExtendWith(PactConsumerTestExt.class)
public @interface ConsumerContractTest {}
