package dk.jobbro.matching;

import dk.jobbro.citizen.TargetGroup;
import dk.jobbro.geo.GeoPoint;
import dk.jobbro.vocabulary.LanguageLevel;
import dk.jobbro.vocabulary.PhysicalDemand;
import dk.jobbro.vocabulary.SupportKind;

import java.util.Map;
import java.util.Set;

/**
 * What matching reads of a citizen, derived once from the profile and the "not for this citizen" entries
 * ({@link CitizenMatchProfile#facts}): the per-citizen half of {@link MatchCriteria}, independent of the day, the
 * postings and the weights. The citizen index keeps one per active citizen in memory.
 *
 * <p>{@code excludedDemands} (from health limitations) and {@code supportNeeds} (which health limitations add to) are
 * special-category data: they live here, in memory, and never in an index document.
 */
public record CitizenFacts(long id,
                           String jobcentre,
                           TargetGroup targetGroup,
                           GeoPoint home,
                           int maxCommuteKm,
                           int maxHoursPerWeek,
                           boolean drivingLicence,
                           Map<String, LanguageLevel> languages,
                           Set<String> skills,
                           Set<String> occupationsWanted,
                           Set<String> occupationsHeld,
                           Set<SupportKind> supportNeeds,
                           Set<PhysicalDemand> excludedDemands,
                           String text,
                           Map<Long, String> notForEmployers,
                           Map<String, String> notForOccupations) {
}
