package dev.outboxstock.contract.testing;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/** The validator a consumer's decoder checks the contract's constraints with, for tests that run outside Quarkus. */
public final class ContractValidator {

    private ContractValidator() {}

    public static Validator create() {
        // Without Quarkus there is no expression language for messages; parameters are all the contract's use.
        return Validation.byDefaultProvider()
                .configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory()
                .getValidator();
    }
}
