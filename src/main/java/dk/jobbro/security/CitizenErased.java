package dk.jobbro.security;

/** Published after a citizen's erasure committed: derived data (the citizen index) drops the citizen at once. */
public record CitizenErased(long citizenId) {
}
