package dk.jobbro.posting;

import dk.jobbro.geo.GeoPoint;
import dk.jobbro.vocabulary.LanguageSkill;
import dk.jobbro.vocabulary.PhysicalDemand;
import dk.jobbro.vocabulary.SupportKind;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An opening at an employer: an ordinary job, an internship or a wage-subsidy slot. */
@MappedEntity("posting")
public record Posting(@Id @GeneratedValue @Nullable Long id,
                      long employerId,
                      PostingKind kind,
                      PostingStatus status,
                      String title,
                      String description,
                      String occupationCode,
                      @TypeDef(type = DataType.JSON) List<String> requiredSkills,
                      @TypeDef(type = DataType.JSON) List<String> desiredSkills,
                      @Nullable String street,
                      String postcode,
                      @Nullable String city,
                      double latitude,
                      double longitude,
                      int hoursMin,
                      int hoursMax,
                      @Nullable LocalDate startDate,
                      @Nullable LocalDate applicationDeadline,
                      @Nullable LocalDate endDate,
                      int slots,
                      int slotsFilled,
                      @TypeDef(type = DataType.JSON) List<SupportKind> supportOffered,
                      @TypeDef(type = DataType.JSON) List<PhysicalDemand> physicalDemands,
                      boolean drivingLicenceRequired,
                      @TypeDef(type = DataType.JSON) List<LanguageSkill> languageRequirements,
                      Instant createdAt,
                      Instant updatedAt) {

    public GeoPoint location() {
        return new GeoPoint(latitude, longitude);
    }

    public Posting withStatus(PostingStatus newStatus, Instant now) {
        return new Posting(id, employerId, kind, newStatus, title, description, occupationCode, requiredSkills,
                desiredSkills, street, postcode, city, latitude, longitude, hoursMin, hoursMax, startDate,
                applicationDeadline, endDate, slots, slotsFilled, supportOffered, physicalDemands,
                drivingLicenceRequired, languageRequirements, createdAt, now);
    }

    public Posting withSlotsFilled(int filled, PostingStatus newStatus, Instant now) {
        return new Posting(id, employerId, kind, newStatus, title, description, occupationCode, requiredSkills,
                desiredSkills, street, postcode, city, latitude, longitude, hoursMin, hoursMax, startDate,
                applicationDeadline, endDate, slots, filled, supportOffered, physicalDemands,
                drivingLicenceRequired, languageRequirements, createdAt, now);
    }
}
