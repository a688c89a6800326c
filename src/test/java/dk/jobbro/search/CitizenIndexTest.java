package dk.jobbro.search;

import dk.jobbro.citizen.HealthLimitation;
import dk.jobbro.flagging.CircumstanceArea;
import dk.jobbro.matching.MatchingProbe;
import dk.jobbro.matching.MatchingService;
import dk.jobbro.support.Api;
import dk.jobbro.support.TestIdentityProvider;
import dk.jobbro.support.World;
import dk.jobbro.vocabulary.PhysicalDemand;
import dk.jobbro.vocabulary.SupportKind;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The citizen index: candidates for a posting come from it, exactly as the exhaustive ranking from the database
 * gave them; it follows every change at once; and it never holds special-category data.
 */
@MicronautTest(transactional = false)
class CitizenIndexTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    MatchingService matching;

    @Inject
    CitizenIndex index;

    @Inject
    CitizenIndexer indexer;

    @Inject
    dk.jobbro.posting.PostingService postings;

    /** The test taxonomy's (src/test/resources/taxonomy). */
    private static final String[] SKILLS = {"forklift-operation", "cleaning", "cash-register", "cooking",
            "personal-care"};
    private static final String[] OCCUPATIONS = {"432110", "432120", "432210", "911210", "512010", "532210"};
    private static final String[] GROUPS = {"INSURED_UNEMPLOYED", "CASH_BENEFIT_JOB_READY",
            "CASH_BENEFIT_ACTIVITY_READY", "SICKNESS_BENEFIT", "FLEXIBLE_JOB", "RESOURCE_PROGRAMME"};

    Api admin() {
        return new Api(client).as(TestIdentityProvider.admin());
    }

    @Test
    void candidatesFromTheIndexAreTheExhaustiveRankingFromTheDatabase() {
        Api api = admin();
        Random random = new Random(7);
        long employer = api.id(api.post("/api/v1/employers", World.employer("Indeks Lager A/S", World.cvr())));
        for (int i = 0; i < 60; i++) {
            api.post("/api/v1/citizens", randomCitizen(random).build());
        }
        List<Long> ids = new ArrayList<>();
        ids.add(api.id(api.post("/api/v1/postings", World.posting(employer).occupation("432110")
                .requiredSkills("forklift-operation", "cleaning").desiredSkills("cash-register").build())));
        ids.add(api.id(api.post("/api/v1/postings", World.posting(employer).kind("INTERNSHIP").occupation("432120")
                .hours(30, 37).support("MENTOR", "GRADUAL_START").language("da", "FLUENT")
                .requiredSkills("forklift-operation").build())));
        ids.add(api.id(api.post("/api/v1/postings", World.posting(employer).kind("WAGE_SUBSIDY").occupation("911210")
                .demands("HEAVY_LIFTING").set("drivingLicenceRequired", true).support("QUIET_WORKPLACE")
                .requiredSkills("cleaning", "personal-care").build())));
        ids.add(api.id(api.post("/api/v1/postings", World.posting(employer).occupation("512010")
                .at("8900", World.RANDERS).build())));
        int compared = 0;
        for (long posting : ids) {
            var p = postings.get(posting);
            for (int limit : new int[]{1, 3, 20, 200}) {
                List<Long> exhaustive = MatchingProbe.candidatesFromDatabase(matching, posting, limit);
                assertEquals(exhaustive, MatchingProbe.candidatesFromIndex(matching, p, limit, null),
                        "posting " + posting + ", top " + limit);
                compared += exhaustive.size();
            }
            int count = MatchingProbe.candidateCountFromDatabase(matching, posting);
            assertEquals(dk.jobbro.matching.CandidateCountDisclosure.of(count), matching.candidateCount(posting),
                    "count for posting " + posting);
        }
        assertTrue(compared > 100, "the world gives candidates to compare: " + compared);
    }

    @Test
    void aChangeToACitizenReachesTheirCandidaciesWithoutARestart() {
        Api api = admin();
        long employer = api.id(api.post("/api/v1/employers", World.employer("Ændring ApS", World.cvr())));
        long posting = api.id(api.post("/api/v1/postings", World.posting(employer).occupation("432210")
                .set("drivingLicenceRequired", true).build()));
        World.CitizenBuilder citizen = World.citizen().wants("432210").set("drivingLicence", false);
        long id = api.id(api.post("/api/v1/citizens", citizen.build()));
        assertFalse(candidates(api, posting).contains(id), "no licence, not a candidate");

        api.put("/api/v1/citizens/" + id, citizen.set("drivingLicence", true).build());
        assertTrue(candidates(api, posting).contains(id), "with a licence a candidate at once");

        long entry = api.id(api.post("/api/v1/citizens/" + id + "/not-for",
                Map.of("employerId", employer, "reason", "Tidligere ansat, dårlig afslutning")));
        assertFalse(candidates(api, posting).contains(id), "not for this citizen");
        api.delete("/api/v1/citizens/" + id + "/not-for/" + entry);
        assertTrue(candidates(api, posting).contains(id), "the judgement withdrawn");
    }

    @Test
    void erasureRemovesTheCitizenFromTheIndex() throws Exception {
        Api api = admin();
        long id = api.id(api.post("/api/v1/citizens", World.citizen().wants("432110").build()));
        assertNotNull(index.facts(id));
        assertEquals(1, documentsWithId(id));

        api.delete("/api/v1/citizens/" + id);
        assertNull(index.facts(id), "facts forgotten");
        assertEquals(0, documentsWithId(id), "document deleted");
    }

    @Test
    void theIndexHoldsNoHealthSupportCircumstanceOrFlag() throws Exception {
        Api api = admin();
        long id = api.id(api.post("/api/v1/citizens", World.citizen().targetGroup("CASH_BENEFIT_ACTIVITY_READY")
                .wants("432110").skills("forklift-operation")
                .limitations("NO_HEAVY_LIFTING", "NO_NIGHT_SHIFTS", "NEEDS_BREAKS")
                .needs("MENTOR", "QUIET_WORKPLACE", "LANGUAGE_SUPPORT").build()));
        api.put("/api/v1/citizens/" + id + "/circumstances", World.circumstances(
                World.circumstance("HOUSING", "SEVERE", false), World.circumstance("SUBSTANCE_USE", "SEVERE", false),
                World.circumstance("MENTAL_HEALTH", "MODERATE", false)));
        assertNotNull(index.facts(id));
        indexer.commitIfDirty();
        index.commit(Map.of());

        Set<String> forbidden = new HashSet<>();
        for (HealthLimitation h : HealthLimitation.values()) {
            forbidden.add(h.name());
        }
        for (SupportKind s : SupportKind.values()) {
            forbidden.add(s.name());
        }
        for (PhysicalDemand d : PhysicalDemand.values()) {
            forbidden.add(d.name());
        }
        for (CircumstanceArea a : CircumstanceArea.values()) {
            forbidden.add(a.name());
        }
        forbidden.addAll(List.of("SEVERE", "MODERATE", "FLAG", "PARALLEL"));
        Set<String> allowedFields = Set.of(CitizenFields.ID, CitizenFields.ID_VALUE, CitizenFields.TARGET_GROUP,
                CitizenFields.JOBCENTRE, CitizenFields.COMMUTE_BOX,
                CitizenFields.HOME_LATITUDE, CitizenFields.HOME_LONGITUDE, CitizenFields.COMMUTE_KM,
                CitizenFields.HOME_CELL, CitizenFields.MAX_HOURS, CitizenFields.LICENCE, CitizenFields.LANGUAGE,
                CitizenFields.NOT_FOR_EMPLOYER, CitizenFields.NOT_FOR_OCCUPATION);
        // The committed index on disk, as anyone with the files would read it.
        Path path = Path.of(index.path());
        try (var directory = FSDirectory.open(path); IndexReader reader = DirectoryReader.open(directory)) {
            assertTrue(reader.numDocs() > 0);
            List<String> found = new ArrayList<>();
            for (FieldInfo field : FieldInfos.getMergedFieldInfos(reader)) {
                assertTrue(allowedFields.contains(field.name), "unexpected field " + field.name);
                Terms terms = MultiTerms.getTerms(reader, field.name);
                if (terms == null) {
                    continue;
                }
                TermsEnum e = terms.iterator();
                for (BytesRef term = e.next(); term != null; term = e.next()) {
                    String text = term.utf8ToString().toUpperCase(Locale.ROOT);
                    for (String word : forbidden) {
                        if (text.contains(word)) {
                            found.add(field.name + ":" + text);
                        }
                    }
                }
            }
            assertEquals(List.of(), found, "special-category values in the citizen index");
            var stored = reader.storedFields();
            for (int doc = 0; doc < reader.maxDoc(); doc++) {
                assertEquals(0, stored.document(doc).getFields().size(), "nothing is stored");
            }
        }
        // ... while matching, in memory, still knows them: the health rule and support fit are applied after retrieval.
        assertTrue(index.facts(id).excludedDemands().contains(PhysicalDemand.HEAVY_LIFTING));
        assertTrue(index.facts(id).supportNeeds().contains(SupportKind.FLEXIBLE_HOURS));
    }

    private long documentsWithId(long id) {
        return index.search(s -> s.count(new org.apache.lucene.search.TermQuery(
                new org.apache.lucene.index.Term(CitizenFields.ID, Long.toString(id)))));
    }

    @SuppressWarnings("unchecked")
    private static Set<Long> candidates(Api api, long posting) {
        List<Map<String, Object>> list = (List<Map<String, Object>>) api
                .get("/api/v1/postings/" + posting + "/candidates?limit=200").get("candidates");
        Set<Long> ids = new HashSet<>();
        list.forEach(c -> ids.add(((Number) c.get("citizenId")).longValue()));
        return ids;
    }

    private static World.CitizenBuilder randomCitizen(Random r) {
        double[][] homes = {World.AARHUS, World.RANDERS, World.AALBORG};
        String[] postcodes = {"8000", "8900", "9000"};
        int h = r.nextInt(homes.length);
        double[] at = {homes[h][0] + (r.nextDouble() - 0.5) * 0.2, homes[h][1] + (r.nextDouble() - 0.5) * 0.3};
        World.CitizenBuilder c = World.citizen().targetGroup(GROUPS[r.nextInt(GROUPS.length)])
                .set("home", World.place(postcodes[h], at)).set("maxCommuteKm", 5 + r.nextInt(60))
                .set("maxHoursPerWeek", 10 + r.nextInt(28)).set("drivingLicence", r.nextBoolean())
                .set("languages", List.of(Map.of("language", "da", "level",
                        List.of("BASIC", "INTERMEDIATE", "FLUENT", "NATIVE").get(r.nextInt(4)))));
        c.skills(some(r, SKILLS, r.nextInt(6)));
        if (r.nextDouble() < 0.8) {
            c.wants(some(r, OCCUPATIONS, 1 + r.nextInt(2)));
        }
        c.held(some(r, OCCUPATIONS, r.nextInt(3)));
        c.needs(some(r, new String[]{"MENTOR", "GRADUAL_START", "QUIET_WORKPLACE", "FLEXIBLE_HOURS"}, r.nextInt(3)));
        c.limitations(some(r, new String[]{"NO_HEAVY_LIFTING", "NO_NIGHT_SHIFTS", "NEEDS_BREAKS"},
                r.nextDouble() < 0.3 ? 1 : 0));
        return c;
    }

    private static String[] some(Random r, String[] from, int n) {
        List<String> copy = new ArrayList<>(List.of(from));
        List<String> out = new ArrayList<>();
        while (out.size() < n && !copy.isEmpty()) {
            out.add(copy.remove(r.nextInt(copy.size())));
        }
        return out.toArray(String[]::new);
    }
}
