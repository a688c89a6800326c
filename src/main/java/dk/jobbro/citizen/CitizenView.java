package dk.jobbro.citizen;

import dk.jobbro.vocabulary.LanguageSkill;
import dk.jobbro.vocabulary.Place;
import dk.jobbro.vocabulary.SupportKind;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A citizen's profile as consultants see it. */
@Serdeable
public record CitizenView(long id, String name, String jobcentre, TargetGroup targetGroup, Place home,
                          int maxCommuteKm, int maxHoursPerWeek, @Nullable LocalDate availableFrom,
                          List<CitizenSkill> skills, List<String> occupationsHeld, List<String> occupationsWanted,
                          List<HealthLimitation> healthLimitations, List<SupportKind> supportNeeds,
                          boolean drivingLicence, List<LanguageSkill> languages, Instant createdAt,
                          Instant updatedAt) {

    static CitizenView of(Citizen c) {
        return new CitizenView(c.id(), c.name(), c.jobcentre(), c.targetGroup(),
                new Place(null, c.homePostcode(), null, c.homeLatitude(), c.homeLongitude()), c.maxCommuteKm(),
                c.maxHoursPerWeek(), c.availableFrom(), c.skills(), c.occupationsHeld(), c.occupationsWanted(),
                c.healthLimitations(), c.supportNeeds(), c.drivingLicence(), c.languages(), c.createdAt(),
                c.updatedAt());
    }
}
