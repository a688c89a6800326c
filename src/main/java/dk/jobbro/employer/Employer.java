package dk.jobbro.employer;

import dk.jobbro.geo.GeoPoint;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A workplace (CVR company, optionally one P-unit) that posts openings. {@code ordinaryEmployees} is the head count a
 * consultant confirmed (the ratio rule reads it); {@code ordinaryEmployeesReported} a different figure the employer
 * reported since, waiting for a consultant.
 */
@MappedEntity("employer")
public record Employer(@Id @GeneratedValue @Nullable Long id,
                       String name,
                       String cvr,
                       @Nullable String pNumber,
                       @Nullable String street,
                       String postcode,
                       @Nullable String city,
                       double latitude,
                       double longitude,
                       int ordinaryEmployees,
                       @Nullable Integer ordinaryEmployeesReported,
                       Instant createdAt,
                       Instant updatedAt) {

    public GeoPoint location() {
        return new GeoPoint(latitude, longitude);
    }
}
