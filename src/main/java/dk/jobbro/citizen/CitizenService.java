package dk.jobbro.citizen;

import dk.jobbro.geo.GeoPoint;
import dk.jobbro.geo.Postcodes;
import dk.jobbro.taxonomy.Taxonomy;
import dk.jobbro.web.ApiException;
import dk.jobbro.web.Problem;
import io.micronaut.data.model.Pageable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

@Singleton
public class CitizenService {

    private final CitizenRepository citizens;
    private final Postcodes postcodes;
    private final Taxonomy taxonomy;
    private final Clock clock;

    CitizenService(CitizenRepository citizens, Postcodes postcodes, Taxonomy taxonomy, Clock clock) {
        this.citizens = citizens;
        this.postcodes = postcodes;
        this.taxonomy = taxonomy;
        this.clock = clock;
    }

    @Transactional
    public Citizen create(CitizenRequest request) {
        Instant now = clock.instant();
        return citizens.save(toCitizen(null, request, now, now));
    }

    @Transactional
    public Citizen update(long id, CitizenRequest request) {
        Citizen existing = get(id);
        return citizens.update(toCitizen(id, request, existing.createdAt(), clock.instant()));
    }

    public Citizen get(long id) {
        return citizens.findById(id).orElseThrow(() -> ApiException.notFound("Citizen", id));
    }

    public List<Citizen> list(int page, int size) {
        return citizens.findAll(Pageable.from(page, size)).getContent();
    }

    private Citizen toCitizen(Long id, CitizenRequest r, Instant created, Instant updated) {
        List<CitizenSkill> skills = orEmpty(r.skills());
        List<String> held = orEmpty(r.occupationsHeld());
        List<String> wanted = orEmpty(r.occupationsWanted());
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < skills.size(); i++) {
            if (taxonomy.skill(skills.get(i).code()).isEmpty()) {
                errors.add(new Problem.FieldError("skills[" + i + "].code", "unknown skill code"));
            }
        }
        checkOccupations("occupationsHeld", held, errors);
        checkOccupations("occupationsWanted", wanted, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        GeoPoint home = postcodes.locate(r.home(), "home");
        return new Citizen(id, r.name().strip(), r.jobcentre().strip(), r.targetGroup(), r.home().postcode(),
                home.latitude(), home.longitude(), r.maxCommuteKm(), r.maxHoursPerWeek(), r.availableFrom(),
                skills, held, wanted, distinct(r.healthLimitations()), distinct(r.supportNeeds()),
                Boolean.TRUE.equals(r.drivingLicence()), orEmpty(r.languages()), true, created, updated);
    }

    private void checkOccupations(String field, List<String> codes, List<Problem.FieldError> errors) {
        for (int i = 0; i < codes.size(); i++) {
            if (taxonomy.occupation(codes.get(i)).isEmpty()) {
                errors.add(new Problem.FieldError(field + "[" + i + "]", "unknown occupation code"));
            }
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }

    private static <T> List<T> distinct(List<T> list) {
        return orEmpty(list).stream().distinct().toList();
    }
}
