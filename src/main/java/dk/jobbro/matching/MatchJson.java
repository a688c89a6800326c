package dk.jobbro.matching;

import io.micronaut.serde.annotation.SerdeImport;

/**
 * Lets the framework-free matching records travel as JSON (API answers, stored nightly results) without the
 * domain types importing the framework.
 */
@SerdeImport(Exclusion.class)
@SerdeImport(MatchExplanation.class)
@SerdeImport(MatchExplanation.SkillMatch.class)
@SerdeImport(MatchExplanation.SupportFit.class)
@SerdeImport(ScoreComponent.class)
@SerdeImport(CandidateCountDisclosure.class)
final class MatchJson {

    private MatchJson() {
    }
}
