package dk.jobbro.citizen;

import dk.jobbro.geo.GeoPoint;
import dk.jobbro.vocabulary.LanguageSkill;
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

/** A citizen in a jobcentre's caseload: skills, wishes, constraints and support needs (not circumstances). */
@MappedEntity("citizen")
public record Citizen(@Id @GeneratedValue @Nullable Long id,
                      String name,
                      String jobcentre,
                      TargetGroup targetGroup,
                      String homePostcode,
                      double homeLatitude,
                      double homeLongitude,
                      int maxCommuteKm,
                      int maxHoursPerWeek,
                      @Nullable LocalDate availableFrom,
                      @TypeDef(type = DataType.JSON) List<CitizenSkill> skills,
                      @TypeDef(type = DataType.JSON) List<String> occupationsHeld,
                      @TypeDef(type = DataType.JSON) List<String> occupationsWanted,
                      @TypeDef(type = DataType.JSON) List<HealthLimitation> healthLimitations,
                      @TypeDef(type = DataType.JSON) List<SupportKind> supportNeeds,
                      boolean drivingLicence,
                      @TypeDef(type = DataType.JSON) List<LanguageSkill> languages,
                      boolean active,
                      Instant createdAt,
                      Instant updatedAt) {

    public GeoPoint home() {
        return new GeoPoint(homeLatitude, homeLongitude);
    }
}
