package dk.jobbro.posting;

/** The three kinds of opening (DOMAIN.md). */
public enum PostingKind {
    /** ordinært job: a normal paid job. */
    ORDINARY_JOB,
    /** virksomhedspraktik: unpaid placement, the citizen keeps their benefit. */
    INTERNSHIP,
    /** ansættelse med løntilskud: the municipality pays part of the wage. */
    WAGE_SUBSIDY
}
