package dk.jobbro.employer;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import io.micronaut.validation.validator.constraints.ConstraintValidatorContext;
import jakarta.inject.Singleton;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A CVR number that passes {@link CvrNumber#isValid}; null is left to {@code @NotNull}. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Constraint(validatedBy = {})
public @interface ValidCvr {

    String message() default "must be an 8-digit CVR number that passes the modulus-11 check";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The validator, found by Micronaut as a bean. */
    @Singleton
    final class Check implements ConstraintValidator<ValidCvr, String> {
        @Override
        public boolean isValid(@Nullable String value, io.micronaut.core.annotation.AnnotationValue<ValidCvr> annotation,
                               ConstraintValidatorContext context) {
            return value == null || CvrNumber.isValid(value);
        }
    }
}
