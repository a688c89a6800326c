package dk.jobbro.posting;

import dk.jobbro.vocabulary.LanguageSkill;
import dk.jobbro.vocabulary.PhysicalDemand;
import dk.jobbro.vocabulary.Place;
import dk.jobbro.vocabulary.SupportKind;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A posting as the API shows it. */
@Serdeable
public record PostingView(long id, long employerId, PostingKind kind, PostingStatus status, String title,
                          String description, String occupationCode, List<String> requiredSkills,
                          List<String> desiredSkills, Place workplace, HoursRange hoursPerWeek,
                          @Nullable LocalDate startDate, @Nullable LocalDate applicationDeadline,
                          @Nullable LocalDate endDate, int slots, int slotsFilled, List<SupportKind> supportOffered,
                          List<PhysicalDemand> physicalDemands, boolean drivingLicenceRequired,
                          List<LanguageSkill> languageRequirements, Instant createdAt, Instant updatedAt) {

    static PostingView of(Posting p) {
        return new PostingView(p.id(), p.employerId(), p.kind(), p.status(), p.title(), p.description(),
                p.occupationCode(), p.requiredSkills(), p.desiredSkills(),
                new Place(p.street(), p.postcode(), p.city(), p.latitude(), p.longitude()),
                new HoursRange(p.hoursMin(), p.hoursMax()), p.startDate(), p.applicationDeadline(), p.endDate(),
                p.slots(), p.slotsFilled(), p.supportOffered(), p.physicalDemands(), p.drivingLicenceRequired(),
                p.languageRequirements(), p.createdAt(), p.updatedAt());
    }
}
