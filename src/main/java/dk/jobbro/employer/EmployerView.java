package dk.jobbro.employer;

import dk.jobbro.vocabulary.Place;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** An employer as the API shows it. */
@Serdeable
public record EmployerView(long id, String name, String cvr, @Nullable String pNumber, Place address,
                           int ordinaryEmployees, @Nullable Integer ordinaryEmployeesReported, Instant createdAt,
                           Instant updatedAt) {

    static EmployerView of(Employer e) {
        return new EmployerView(e.id(), e.name(), e.cvr(), e.pNumber(),
                new Place(e.street(), e.postcode(), e.city(), e.latitude(), e.longitude()),
                e.ordinaryEmployees(), e.ordinaryEmployeesReported(), e.createdAt(), e.updatedAt());
    }
}
