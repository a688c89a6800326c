package dk.jobbro.taxonomy;

import io.swagger.v3.oas.annotations.Operation;
import dk.jobbro.security.Role;
import io.micronaut.security.annotation.Secured;
import dk.jobbro.web.ApiException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Read-only look-ups in the taxonomy, for pickers in the consultants' screens and for checking an import. */
@Controller("/api/v1/taxonomy")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Role.EMPLOYER_ROLE, Role.CONSULTANT_ROLE, Role.ADMIN_ROLE, Role.SYSTEM_ROLE})
class TaxonomyController {

    private final Taxonomy taxonomy;

    TaxonomyController(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    @Serdeable
    record OccupationSummary(String code, String labelDa, String labelEn, String iscoGroup,
                             @Nullable String escoUri) {
        static OccupationSummary of(Occupation o) {
            return new OccupationSummary(o.code(), o.labelDa(), o.labelEn(), o.iscoGroup(), blankToNull(o.escoUri()));
        }
    }

    @Serdeable
    record SkillSummary(String code, String labelDa, String labelEn, @Nullable String escoUri,
                        @Nullable String skillType, List<String> altLabelsDa, List<String> altLabelsEn,
                        List<String> synonyms) {
        static SkillSummary of(Skill s) {
            return new SkillSummary(s.code(), s.labelDa(), s.labelEn(), blankToNull(s.escoUri()),
                    blankToNull(s.skillType()), s.altLabelsDa(), s.altLabelsEn(),
                    Occupation.splitSynonyms(s.synonymsDa()));
        }
    }

    @Serdeable
    record IscoGroupView(String code, String labelDa, String labelEn) {
    }

    @Serdeable
    record OccupationDetails(String code, String labelDa, String labelEn, @Nullable String escoUri,
                             String iscoGroup, @Nullable IscoGroupView iscoGroupLabels, @Nullable String broaderCode,
                             List<String> synonyms, List<String> altLabelsDa, List<String> altLabelsEn,
                             List<SkillSummary> essentialSkills, List<SkillSummary> optionalSkills) {
    }

    @Operation(summary = "Find occupations by label")
    @Get("/occupations")
    List<OccupationSummary> occupations(@QueryValue @Nullable @Size(max = 200) String q,
                                        @QueryValue(defaultValue = "20") @Min(1) @Max(200) int limit) {
        return taxonomy.findOccupations(q == null ? "" : q, limit).stream().map(OccupationSummary::of).toList();
    }

    @Operation(summary = "An occupation with its essential and optional skills")
    @Get("/occupations/{code}")
    OccupationDetails occupation(@PathVariable @Size(max = 40) String code) {
        Occupation o = taxonomy.occupation(code).orElseThrow(() ->
                new ApiException(HttpStatus.NOT_FOUND, "No occupation has that code", List.of()));
        IscoGroupView group = taxonomy.iscoGroup(o.iscoGroup())
                .map(g -> new IscoGroupView(g.code(), g.labelDa(), g.labelEn())).orElse(null);
        return new OccupationDetails(o.code(), o.labelDa(), o.labelEn(), blankToNull(o.escoUri()), o.iscoGroup(),
                group, blankToNull(o.broaderCode()), Occupation.splitSynonyms(o.synonymsDa()), o.altLabelsDa(),
                o.altLabelsEn(), skills(taxonomy.essentialSkills(code)), skills(taxonomy.optionalSkills(code)));
    }

    @Operation(summary = "Find skills by label")
    @Get("/skills")
    List<SkillSummary> skills(@QueryValue @Nullable @Size(max = 200) String q,
                              @QueryValue(defaultValue = "20") @Min(1) @Max(200) int limit) {
        return taxonomy.findSkills(q == null ? "" : q, limit).stream().map(SkillSummary::of).toList();
    }

    /** The one skill a code, URI, label, alternative label or synonym names; 404 when none does. */
    @Operation(summary = "Resolve a skill from a code, label or synonym")
    @Get("/skills/resolve")
    SkillSummary resolveSkill(@QueryValue @Size(min = 1, max = 200) String term) {
        return taxonomy.resolveSkill(term).flatMap(taxonomy::skill).map(SkillSummary::of).orElseThrow(() ->
                new ApiException(HttpStatus.NOT_FOUND, "No skill has that code or name", List.of()));
    }

    /** What a typeahead looks in. */
    enum TypeaheadKind { SKILL, OCCUPATION }

    /** Bounded: a picker shows a handful, and each answer is built from the names found. */
    static final int TYPEAHEAD_MAX = 25;

    @Serdeable
    record TypeaheadHit(TypeaheadKind kind, String code, String labelDa, String labelEn, @Nullable String matchedName) {
    }

    /**
     * Skills or occupations for a half-typed term: whole names and words starting with it, then near misses (one or
     * two typos), Danish names first; case, diacritics and punctuation do not matter.
     */
    @Operation(summary = "Typeahead for skills or occupations: prefix and fuzzy, Danish names first")
    @Get("/typeahead")
    List<TypeaheadHit> typeahead(@QueryValue @Size(min = 1, max = 200) String q, @QueryValue TypeaheadKind kind,
                                 @QueryValue(defaultValue = "10") @Min(1) @Max(TYPEAHEAD_MAX) int limit) {
        List<NameMatch> found = kind == TypeaheadKind.SKILL ? taxonomy.typeaheadSkills(q, limit)
                : taxonomy.typeaheadOccupations(q, limit);
        return found.stream().map(m -> new TypeaheadHit(kind, m.code(), m.labelDa(), m.labelEn(), m.matchedName()))
                .toList();
    }

    private List<SkillSummary> skills(Set<String> codes) {
        return codes.stream().map(taxonomy::skill).flatMap(java.util.Optional::stream)
                .sorted(Comparator.comparing(Skill::labelDa).thenComparing(Skill::code))
                .map(SkillSummary::of).toList();
    }

    private static String blankToNull(String s) {
        return s.isBlank() ? null : s;
    }
}
