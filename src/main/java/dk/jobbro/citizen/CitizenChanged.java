package dk.jobbro.citizen;

/**
 * Published in a transaction that changed what matching reads of a citizen (the profile or a "not for this citizen"
 * entry); the citizen index follows it after the commit. Other replicas follow the {@code citizen_change} row.
 */
public record CitizenChanged(long citizenId) {
}
