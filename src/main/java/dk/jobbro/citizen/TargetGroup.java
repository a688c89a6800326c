package dk.jobbro.citizen;

/** The citizen's target group: decides which kinds of opening they may be offered (config/eligibility.yml). */
public enum TargetGroup {
    /** dagpengemodtager */
    INSURED_UNEMPLOYED,
    /** kontanthjælp, jobparat */
    CASH_BENEFIT_JOB_READY,
    /** kontanthjælp, aktivitetsparat */
    CASH_BENEFIT_ACTIVITY_READY,
    /** uddannelseshjælp, uddannelsesparat */
    EDUCATION_BENEFIT_EDUCATION_READY,
    /** uddannelseshjælp, aktivitetsparat */
    EDUCATION_BENEFIT_ACTIVITY_READY,
    /** sygedagpenge */
    SICKNESS_BENEFIT,
    /** jobafklaringsforløb */
    JOB_CLARIFICATION,
    /** ressourceforløb */
    RESOURCE_PROGRAMME,
    /** visiteret til fleksjob */
    FLEXIBLE_JOB;

    /** Activity-ready groups have problems beyond unemployment; support fit weighs more for them. */
    public boolean activityReady() {
        return switch (this) {
            case CASH_BENEFIT_ACTIVITY_READY, EDUCATION_BENEFIT_ACTIVITY_READY, JOB_CLARIFICATION,
                 RESOURCE_PROGRAMME, SICKNESS_BENEFIT, FLEXIBLE_JOB -> true;
            default -> false;
        };
    }
}
