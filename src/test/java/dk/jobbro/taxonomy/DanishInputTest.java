package dk.jobbro.taxonomy;

import dk.jobbro.support.Api;
import dk.jobbro.support.World;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Consultants write skills and occupations as they say them: Danish or English labels, alternative labels and
 * synonyms, in any case and with or without Danish letters. The API stores codes; an unknown term is a 422 naming
 * the field with the nearest known entries.
 */
@MicronautTest
class DanishInputTest {

    @Inject
    @Client("/")
    HttpClient client;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(client);
    }

    @Test
    void aCitizensSkillsAndOccupationsAreGivenByDanishOrEnglishNamesAndStoredAsCodes() {
        Map<String, Object> citizen = api.post("/api/v1/citizens", World.citizen()
                .skills("TRUCKKORSEL", "rengoring", "Cash register operation")
                .wants("lagermedarbejder").held("Cook").build());
        assertEquals(List.of("forklift-operation", "cleaning", "cash-register"),
                ((List<?>) citizen.get("skills")).stream().map(s -> ((Map<?, ?>) s).get("code")).toList());
        assertEquals(List.of("432110"), citizen.get("occupationsWanted"));
        assertEquals(List.of("512010"), citizen.get("occupationsHeld"));
    }

    @Test
    void aPostingsOccupationAndSkillsAreGivenByNamesToo() {
        long employer = api.id(api.post("/api/v1/employers", World.employer("Navnenes Lager ApS", World.cvr())));
        Map<String, Object> posting = api.post("/api/v1/postings", World.posting(employer)
                .set("occupationCode", "køkkenchef")
                .set("requiredSkills", List.of("Truckkørsel", "truckcertifikat"))
                .set("desiredSkills", List.of("COOKING")).build());
        assertEquals("512010", posting.get("occupationCode"));
        assertEquals(List.of("forklift-operation"), posting.get("requiredSkills"), "one skill named twice is one");
        assertEquals(List.of("cooking"), posting.get("desiredSkills"));
    }

    @Test
    void anUnknownTermIsA422NamingTheFieldWithTheNearestThreeDanishFirst() {
        Api.Problem skill = api.fails(HttpRequest.POST("/api/v1/citizens", World.citizen()
                .skills("forklift-operation", "trukkørsel").build()), HttpStatus.UNPROCESSABLE_ENTITY);
        assertTrue(skill.namesField("skills[1].code"), skill.body());
        assertFalse(skill.namesField("skills[0].code"), skill.body());
        assertTrue(skill.body().contains("\"suggestions\":[{\"code\":\"forklift-operation\",\"label\":"
                + "\"Truckkørsel\"}"), skill.body());
        assertFalse(skill.body().contains("\"suggestions\":null"), "no suggestions where none apply");
        assertFalse(skill.body().contains("trukkørsel"), "the term sent is not echoed");

        Api.Problem occupation = api.fails(HttpRequest.POST("/api/v1/citizens", World.citizen()
                .wants("Lagermedarbeider").build()), HttpStatus.UNPROCESSABLE_ENTITY);
        assertTrue(occupation.namesField("occupationsWanted[0]"), occupation.body());
        assertTrue(occupation.body().contains("{\"code\":\"432110\",\"label\":\"Lagermedarbejder\"}"),
                occupation.body());
        int suggestions = occupation.body().split("\"code\":").length - 1;
        assertTrue(suggestions >= 1 && suggestions <= 3, occupation.body());

        Api.Problem nothingNear = api.fails(HttpRequest.POST("/api/v1/citizens", World.citizen()
                .wants("qqqqqqqq").build()), HttpStatus.UNPROCESSABLE_ENTITY);
        assertTrue(nothingNear.namesField("occupationsWanted[0]"), nothingNear.body());
        assertFalse(nothingNear.body().contains("suggestions"), nothingNear.body());

        long employer = api.id(api.post("/api/v1/employers", World.employer("Fejlens Lager ApS", World.cvr())));
        Api.Problem posting = api.fails(HttpRequest.POST("/api/v1/postings", World.posting(employer)
                .set("occupationCode", "truckforer x").build()), HttpStatus.UNPROCESSABLE_ENTITY);
        assertTrue(posting.namesField("occupationCode"), posting.body());
    }

    @Test
    void notForThisCitizenTakesAnOccupationByName() {
        long citizen = api.id(api.post("/api/v1/citizens", World.citizen().build()));
        Map<String, Object> entry = api.post("/api/v1/citizens/" + citizen + "/not-for",
                Map.of("occupationCode", "SOSU hjælper", "reason", "ønsker ikke pleje"));
        assertEquals("532210", entry.get("occupationCode"));
    }

    @Test
    void theTypeaheadFindsSkillsAndOccupationsByPrefixAndTypoDanishFirstAndBounded() {
        List<Map<String, Object>> lager = api.getList("/api/v1/taxonomy/typeahead?kind=OCCUPATION&q=lager");
        assertEquals(List.of("Lagerforvalter", "Lagermedarbejder"), lager.stream().map(o -> o.get("labelDa")).toList(),
                "Danish labels starting with it, the shorter first; a synonym adds no second entry");
        assertTrue(lager.stream().allMatch(o -> o.get("kind").equals("OCCUPATION")));
        assertEquals(1, api.getList("/api/v1/taxonomy/typeahead?kind=OCCUPATION&q=lager&limit=1").size());

        List<Map<String, Object>> typo = api.getList("/api/v1/taxonomy/typeahead?kind=SKILL&q="
                + URLEncoder.encode("trukkørs", StandardCharsets.UTF_8));
        assertEquals("forklift-operation", typo.get(0).get("code"), typo.toString());

        List<Map<String, Object>> synonym = api.getList("/api/v1/taxonomy/typeahead?kind=SKILL&q=truckcert");
        assertEquals("forklift-operation", synonym.get(0).get("code"));
        assertEquals("truckcertifikat", synonym.get(0).get("matchedName"));

        assertTrue(api.fails(HttpRequest.GET("/api/v1/taxonomy/typeahead?kind=SKILL&q=lager&limit=26"),
                HttpStatus.BAD_REQUEST).namesField("limit"));
        assertTrue(api.fails(HttpRequest.GET("/api/v1/taxonomy/typeahead?kind=FOOD&q=lager"),
                HttpStatus.BAD_REQUEST).namesField("kind"));
    }
}
