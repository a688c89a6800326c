package dk.jobbro.matching;

import dk.jobbro.support.Api;
import dk.jobbro.support.TestIdentityProvider;
import dk.jobbro.support.World;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What an employer learns about candidates: a rounded count that reveals no one's health. */
@MicronautTest
class CandidateCountTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void countsUnderFiveAreSuppressedAndOthersRoundedToFive() {
        for (int exact = 0; exact < 5; exact++) {
            CandidateCountDisclosure shown = CandidateCountDisclosure.of(exact);
            assertNull(shown.candidates(), "count " + exact);
            assertTrue(shown.underThreshold());
            assertEquals("Færre end 5 borgere passer til opslaget", shown.text());
        }
        assertEquals(5, CandidateCountDisclosure.of(5).candidates());
        assertEquals(5, CandidateCountDisclosure.of(7).candidates());
        assertEquals(10, CandidateCountDisclosure.of(8).candidates());
        assertEquals(10, CandidateCountDisclosure.of(12).candidates());
        assertEquals(1_000, CandidateCountDisclosure.of(1_001).candidates());
        assertEquals("Omkring 10 borgere passer til opslaget", CandidateCountDisclosure.of(11).text());
    }

    @Test
    void anEmployerEditingItsPostingsPhysicalDemandsLearnsNothingAboutAnyonesHealth() {
        Api admin = new Api(client).as(TestIdentityProvider.admin());
        long employer = admin.id(admin.post("/api/v1/employers", World.employer("Tunge Løft ApS",
                World.cvr())));
        for (int i = 0; i < 11; i++) {
            World.CitizenBuilder citizen = World.citizen().skills("forklift-operation");
            if (i % 2 == 0) {
                citizen.limitations("NO_HEAVY_LIFTING");
            }
            admin.post("/api/v1/citizens", citizen.build());
        }
        Map<String, Object> light = World.posting(employer).requiredSkills("forklift-operation").build();
        long posting = admin.id(admin.post("/api/v1/postings", light));
        Api own = new Api(client).as(TestIdentityProvider.employer(employer));
        Map<String, Object> before = own.get("/api/v1/postings/" + posting + "/candidate-count");

        Map<String, Object> heavy = World.posting(employer).requiredSkills("forklift-operation")
                .demands("HEAVY_LIFTING").build();
        own.put("/api/v1/postings/" + posting, heavy);
        Map<String, Object> after = own.get("/api/v1/postings/" + posting + "/candidate-count");

        assertFalse((Boolean) before.get("underThreshold"), before.toString());
        assertEquals(before, after, "the count does not move with the physical demands");
        assertEquals(10, ((Number) after.get("candidates")).intValue(), "at least 11 fit, shown rounded");
    }
}
