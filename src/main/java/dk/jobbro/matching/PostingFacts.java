package dk.jobbro.matching;

import dk.jobbro.geo.GeoPoint;
import dk.jobbro.posting.Posting;
import dk.jobbro.posting.PostingKind;
import dk.jobbro.posting.PostingStatus;
import dk.jobbro.taxonomy.Taxonomy;
import dk.jobbro.vocabulary.LanguageSkill;
import dk.jobbro.vocabulary.PhysicalDemand;
import dk.jobbro.vocabulary.SupportKind;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What matching knows about a posting: read from the index when ranking, or from the database when
 * explaining a single posting. Both paths feed the same rules and scorer.
 */
public record PostingFacts(long id, long employerId, String employerName, PostingKind kind, PostingStatus status,
                           String title, String occupationCode, List<String> requiredSkills,
                           List<String> desiredSkills, List<String> occupationSkills, GeoPoint location, int hoursMin, int hoursMax, int slots,
                           int slotsFilled, Set<SupportKind> supportOffered, Set<PhysicalDemand> physicalDemands,
                           boolean drivingLicenceRequired, List<LanguageSkill> languageRequirements,
                           LocalDate applicationDeadline) {

    /**
     * The facts of a posting. A posting that names no skills is matched on its occupation's essential and
     * optional skills from the taxonomy (ESCO relations), so an employer's short posting still ranks on skills.
     * A posting that names some is matched on them and, as weak evidence ({@code occupationSkills}), on the
     * essential skills of its occupation it does not name: an employer who lists two skills still needs the
     * trade's others, and a citizen who has them should not lose to one who happens to hold the two.
     */
    public static PostingFacts of(Posting p, String employerName, Taxonomy taxonomy) {
        List<String> essential = p.requiredSkills();
        List<String> optional = p.desiredSkills();
        List<String> typical;
        if (essential.isEmpty() && optional.isEmpty()) {
            essential = taxonomy.essentialSkills(p.occupationCode()).stream().sorted().toList();
            optional = taxonomy.optionalSkills(p.occupationCode()).stream().sorted().toList();
            typical = List.of();
        } else {
            Set<String> listed = new HashSet<>(essential);
            listed.addAll(optional);
            typical = taxonomy.essentialSkills(p.occupationCode()).stream().filter(s -> !listed.contains(s))
                    .sorted().toList();
        }
        return new PostingFacts(p.id(), p.employerId(), employerName, p.kind(), p.status(), p.title(),
                p.occupationCode(), essential, optional, typical, p.location(), p.hoursMin(), p.hoursMax(),
                p.slots(), p.slotsFilled(), Set.copyOf(p.supportOffered()), Set.copyOf(p.physicalDemands()),
                p.drivingLicenceRequired(), p.languageRequirements(), p.applicationDeadline());
    }
}
