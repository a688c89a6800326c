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
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dk.jobbro.taxonomy.EscoFiles.FORKLIFT_DRIVER;
import static dk.jobbro.taxonomy.EscoFiles.OPERATE_FORKLIFT;
import static dk.jobbro.taxonomy.EscoFiles.PACK_GOODS;
import static dk.jobbro.taxonomy.EscoFiles.STOCK_CONTROL;
import static dk.jobbro.taxonomy.EscoFiles.WAREHOUSE_WORKER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Importing the official ESCO CSV download, and looking the result up through the taxonomy API. */
@MicronautTest
class EscoImportTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Taxonomy taxonomy;

    @TempDir
    Path tmp;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(client);
    }

    @Test
    void anEscoDownloadIsImportedWithItsGroupsOccupationsSkillsAndRelationsInBothLanguages() {
        Map<String, Object> counts = importEsco(EscoFiles.writeSample(tmp.resolve("esco")));

        assertEquals(List.of("en", "da"), counts.get("languages"));
        assertEquals(3, counts.get("iscoGroups"));
        assertEquals(3, counts.get("occupations"), "the occupation without a code is left out");
        assertEquals(3, counts.get("skills"));
        assertEquals(4, counts.get("relations"), "the relation to an unknown skill is left out");
        assertEquals(3, counts.get("broaderRelations"));
        assertEquals(2, counts.get("skipped"));

        Map<String, Object> worker = api.get("/api/v1/taxonomy/occupations/4321.1");
        assertEquals("lagermedarbejder", worker.get("labelDa"));
        assertEquals("warehouse worker", worker.get("labelEn"));
        assertEquals(WAREHOUSE_WORKER, worker.get("escoUri"));
        assertEquals("4321", worker.get("iscoGroup"));
        assertEquals("Lagerekspedienter", ((Map<?, ?>) worker.get("iscoGroupLabels")).get("labelDa"));
        assertEquals(List.of("lagerarbejder", "varemodtager, lager"), worker.get("altLabelsDa"));
        assertEquals(List.of("warehouse operative", "stock handler, general", "goods receiver"),
                worker.get("altLabelsEn"));
        assertEquals(List.of(STOCK_CONTROL, PACK_GOODS), codes(worker.get("essentialSkills")),
                "lagerstyring before pakke varer: sorted by Danish label");
        assertEquals(List.of(OPERATE_FORKLIFT), codes(worker.get("optionalSkills")));
        assertEquals("4321.1", api.get("/api/v1/taxonomy/occupations/4321.1.1").get("broaderCode"));
        assertEquals("8344", api.get("/api/v1/taxonomy/occupations/8344.1").get("broaderCode"));
    }

    @Test
    void importingTheSameFilesTwiceGivesTheSameCountsAndTheSameTaxonomy() {
        Path dir = EscoFiles.writeSample(tmp.resolve("twice"));
        Map<String, Object> first = withoutTime(importEsco(dir));
        Map<String, Object> details = api.get("/api/v1/taxonomy/occupations/4321.1");
        Map<String, Object> second = withoutTime(importEsco(dir));

        assertEquals(first, second);
        assertEquals(details, api.get("/api/v1/taxonomy/occupations/4321.1"));
        assertEquals(2, taxonomy.essentialSkills("4321.1").size(), "relations are not doubled");
    }

    @Test
    void occupationsAreFoundByDanishAndEnglishLabelsAndAlternativeLabels() {
        importEsco(EscoFiles.writeSample(tmp.resolve("find")));

        assertEquals("8344.1", firstCode("/api/v1/taxonomy/occupations?q=" + encode("truckfører")));
        assertEquals("8344.1", firstCode("/api/v1/taxonomy/occupations?q=" + encode("Fork-lift Truck Driver")));
        assertEquals("4321.1", firstCode("/api/v1/taxonomy/occupations?q=" + encode("stock handler, general")));
        assertTrue(codes(api.getList("/api/v1/taxonomy/occupations?q=lagermedarbejder")).containsAll(
                List.of("4321.1", "432110")), "the ESCO occupation and the seed's DISCO occupation");
        assertEquals("4321.1", taxonomy.resolveOccupation(WAREHOUSE_WORKER).orElseThrow());
    }

    @Test
    void skillsAreFoundAndResolvedByCodeUriLabelAlternativeLabelAndSynonym() {
        importEsco(EscoFiles.writeSample(tmp.resolve("skills")));

        assertEquals(OPERATE_FORKLIFT, firstCode("/api/v1/taxonomy/skills?q=gaffeltruck"));
        assertEquals(PACK_GOODS, firstCode("/api/v1/taxonomy/skills?q=" + encode("pack goods, by")));
        assertEquals(STOCK_CONTROL, firstCode("/api/v1/taxonomy/skills?q=" + encode("\"just in time\"")));
        for (String name : List.of(OPERATE_FORKLIFT, "Betjene Gaffeltruck", "operate forklift", "drive forklift",
                "use forklift truck, counterbalance", "truckkørsel, modvægt")) {
            assertEquals(OPERATE_FORKLIFT, resolve(name), name);
        }
        assertEquals("forklift-operation", resolve("truckcertifikat"), "the seed's synonyms resolve too");
        assertEquals("forklift-operation", taxonomy.resolveSkill(" FORKLIFT-OPERATION ").orElseThrow());
        api.fails(HttpRequest.GET("/api/v1/taxonomy/skills/resolve?term=" + encode("juggling")), HttpStatus.NOT_FOUND);
    }

    @Test
    void aPostingCanUseAnImportedOccupationAndIsFoundByItsNewLabelAfterAReimport() {
        Path dir = EscoFiles.writeSample(tmp.resolve("reindex"));
        importEsco(dir);
        long employer = api.id(api.post("/api/v1/employers", World.employer("ESCO Lager ApS", "31415926")));
        long posting = api.id(api.post("/api/v1/postings", World.posting(employer).title("Medhjælper")
                .occupation("8344.1").requiredSkills(OPERATE_FORKLIFT).build()));

        EscoFiles.write(dir, "occupations_da.csv", """
                conceptType,conceptUri,iscoGroup,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,regulatedProfessionNote,scopeNote,definition,inScheme,description,code
                Occupation,%s,8344,teleskoplæsserfører,,,released,2024-01-01T00:00:00Z,,,,,,8344.1
                """.formatted(FORKLIFT_DRIVER));
        importEsco(dir);

        assertEquals("teleskoplæsserfører", api.get("/api/v1/taxonomy/occupations/8344.1").get("labelDa"));
        List<?> hits = (List<?>) api.get("/api/v1/postings/search?q=" + encode("teleskoplæsserfører")).get("hits");
        assertEquals(List.of(posting), hits.stream().map(h -> ((Number) ((Map<?, ?>) h).get("id")).longValue()).toList(),
                "the index was rebuilt with the new label");
    }

    @Test
    void aFolderWithoutEscoFilesOrWithBrokenCsvIsRefusedAndChangesNothing() {
        api.fails(HttpRequest.POST("/api/v1/admin/taxonomy/esco-import", Map.of("directory", tmp.resolve("none").toString())),
                HttpStatus.UNPROCESSABLE_ENTITY);
        EscoFiles.write(tmp.resolve("empty"), "readme.txt", "not ESCO");
        api.fails(HttpRequest.POST("/api/v1/admin/taxonomy/esco-import", Map.of("directory", tmp.resolve("empty").toString())),
                HttpStatus.UNPROCESSABLE_ENTITY);
        api.fails(HttpRequest.POST("/api/v1/admin/taxonomy/esco-import", Map.of("directory", "")),
                HttpStatus.BAD_REQUEST);

        Path broken = tmp.resolve("broken");
        EscoFiles.write(broken, "skills_en.csv", """
                conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels
                KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/broken-1,skill/competence,,weld metal,
                KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/broken-2,skill/competence,,"solder metal,
                """);
        Api.Problem problem = api.fails(HttpRequest.POST("/api/v1/admin/taxonomy/esco-import",
                Map.of("directory", broken.toString())), HttpStatus.UNPROCESSABLE_ENTITY);
        assertTrue(problem.body().contains("skills_en.csv line 3"), problem.body());
        assertTrue(taxonomy.skill("http://data.europa.eu/esco/skill/broken-1").isEmpty(),
                "the rows before the error are rolled back");

        EscoFiles.write(broken, "skills_en.csv", "conceptType,conceptUri,preferredLabel\n");
        problem = api.fails(HttpRequest.POST("/api/v1/admin/taxonomy/esco-import",
                Map.of("directory", broken.toString())), HttpStatus.UNPROCESSABLE_ENTITY);
        assertTrue(problem.body().contains("skills_en.csv has no column altLabels"), problem.body());
    }

    @Test
    @SuppressWarnings("unchecked")
    void occupationsWithCodesAsLongAsEscosAreAllKeptWithTheirSkillsAndEverySkippedRowIsNamed() throws Exception {
        Path dir = EscoFiles.writeSample(tmp.resolve("long"));
        String longCode = "4321.3.1.6.10"; // 13 characters, like ESCO's 1324.3.1.6.10
        // A concept of its own (other tests here import the sample's picker under its short code).
        String picker = EscoFiles.OCC + "7a1f3e11-0000-4000-8000-000000000013";
        try (var files = java.nio.file.Files.list(dir)) {
            for (Path file : files.toList()) {
                java.nio.file.Files.writeString(file, java.nio.file.Files.readString(file)
                        .replace(EscoFiles.GOODS_PICKER, picker).replace(",4321.1.1", "," + longCode));
            }
        }
        for (String name : List.of("occupationSkillRelations_en.csv", "occupationSkillRelations_da.csv")) {
            Path file = dir.resolve(name);
            java.nio.file.Files.writeString(file, java.nio.file.Files.readString(file)
                    + picker + ",essential,skill/competence," + PACK_GOODS + "\r\n");
        }
        Map<String, Object> counts = importEsco(dir);

        assertEquals(3, counts.get("occupations"), "the long code is kept");
        assertEquals(5, counts.get("relations"), "with its skill relation");
        List<Map<String, Object>> skipped = (List<Map<String, Object>>) counts.get("skippedRows");
        assertEquals(counts.get("skipped"), skipped.size(), "every skipped row is named");
        assertTrue(skipped.stream().anyMatch(r -> r.get("file").equals("occupations_en.csv")
                && ((Number) r.get("line")).longValue() > 1 && ((String) r.get("reason")).contains("occupation code")),
                skipped.toString());
        assertTrue(skipped.stream().anyMatch(r -> ((String) r.get("reason")).contains("unknown occupation, skill")),
                skipped.toString());

        Map<String, Object> pickerDetails = api.get("/api/v1/taxonomy/occupations/" + longCode);
        assertEquals(List.of(PACK_GOODS), codes(pickerDetails.get("essentialSkills")));
        long employer = api.id(api.post("/api/v1/employers", World.employer("Lange Koder A/S", "31245672")));
        long posting = api.id(api.post("/api/v1/postings", World.posting(employer).occupation(longCode).build()));
        long citizen = api.id(api.post("/api/v1/citizens", World.citizen().wants(longCode).held(longCode).build()));
        assertTrue(api.matchIds(citizen).contains(posting), "a posting and a citizen naming the long code match");
    }

    private Map<String, Object> importEsco(Path dir) {
        return api.exchangeOk(HttpRequest.POST("/api/v1/admin/taxonomy/esco-import", Map.of("directory", dir.toString())));
    }

    private String resolve(String name) {
        return (String) api.get("/api/v1/taxonomy/skills/resolve?term=" + encode(name)).get("code");
    }

    private String firstCode(String path) {
        List<Map<String, Object>> found = api.getList(path);
        assertTrue(!found.isEmpty(), path + " found nothing");
        return (String) found.get(0).get("code");
    }

    private static List<String> codes(Object list) {
        return ((List<?>) list).stream().map(x -> (String) ((Map<?, ?>) x).get("code")).toList();
    }

    private static Map<String, Object> withoutTime(Map<String, Object> counts) {
        Map<String, Object> copy = new java.util.HashMap<>(counts);
        copy.remove("millis");
        return copy;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
