package dev.outboxstock.problem;

import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The largest page a listing serves. A constraint on the {@link PageRequest} parameter, because each listing has its
 * own largest page; the violation names the {@code size} field, as a constraint on the query parameter would.
 */
@Target(PARAMETER)
@Retention(RUNTIME)
@Constraint(validatedBy = PageSizeAtMost.Validator.class)
public @interface PageSizeAtMost {

    int value();

    String message() default "size must be at most {value}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PageSizeAtMost, PageRequest> {

        private int max;

        @Override
        public void initialize(PageSizeAtMost annotation) {
            max = annotation.value();
        }

        @Override
        public boolean isValid(PageRequest request, ConstraintValidatorContext context) {
            if (request == null || request.size() == null || request.size() <= max) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("size")
                    .addConstraintViolation();
            return false;
        }
    }
}
