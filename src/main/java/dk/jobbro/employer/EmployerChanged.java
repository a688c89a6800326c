package dk.jobbro.employer;

/** Published after a transaction that changed an employer commits; its postings are re-indexed. */
public record EmployerChanged(long employerId) {
}
