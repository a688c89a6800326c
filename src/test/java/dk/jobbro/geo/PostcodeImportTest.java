package dk.jobbro.geo;

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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Importing a full postcode table: places without coordinates are then located by it, also after a restart. */
@MicronautTest
class PostcodeImportTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Postcodes postcodes;

    @Inject
    PostcodeStore store;

    @TempDir
    Path tmp;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(client);
    }

    @Test
    void theBuiltInTableIsLoadedIntoAnEmptyDatabase() {
        assertTrue(postcodes.size() > 1000, "index/geo/postcodes_dk.csv has about 1,100 postcodes");
        assertEquals("Viby J", postcodes.find("8260").orElseThrow().name());
    }

    @Test
    void anImportedPostcodeLocatesAnEmployerGivenWithoutCoordinates() throws IOException {
        Path file = write("postcodes.csv", "postcode;name;latitude;longitude\n4321;Prøveby;55,5000;11,2500\n");
        Map<String, Object> result = importFile(file);
        assertEquals(1, result.get("rows"));
        assertEquals(1, result.get("added"));

        Map<String, Object> employer = World.employer("Prøveby Lager ApS", "27182828");
        employer.put("address", Map.of("postcode", "4321"));
        Map<String, Object> created = api.post("/api/v1/employers", employer);
        Map<?, ?> address = (Map<?, ?>) created.get("address");
        assertEquals(55.5, ((Number) address.get("latitude")).doubleValue(), 1e-9);
        assertEquals(11.25, ((Number) address.get("longitude")).doubleValue(), 1e-9);
    }

    @Test
    void aCommaSeparatedFileWithItsOwnColumnOrderMergesAndImportingItAgainChangesNothing() throws IOException {
        int before = postcodes.size();
        Path file = write("dawa.csv", "navn,postnr,lon,lat\n\"Aarhus C, midtby\",8000,10.2000,56.1500\nNyby,4322,11.3,55.6\n");
        Map<String, Object> first = importFile(file);
        assertEquals(Map.of("rows", 2, "added", 1, "changed", 1, "unchanged", 0, "removed", 0, "total", before + 1),
                first);
        assertEquals("Aarhus C, midtby", postcodes.find("8000").orElseThrow().name());
        assertEquals(new GeoPoint(56.15, 10.2), postcodes.find("8000").orElseThrow().point());
        assertEquals("Viby J", postcodes.find("8260").orElseThrow().name(), "merging keeps the others");

        Map<String, Object> second = importFile(file);
        assertEquals(Map.of("rows", 2, "added", 0, "changed", 0, "unchanged", 2, "removed", 0, "total", before + 1),
                second);
    }

    @Test
    void coordinatesGivenDirectlyStillWinOverAnImportedPostcode() throws IOException {
        importFile(write("far.csv", "postcode;name;latitude;longitude\n4323;Fjernby;57.0;9.9\n"));
        Map<String, Object> employer = World.employer("Direkte ApS", "16180335");
        employer.put("address", World.place("4323", World.AARHUS));
        Map<?, ?> address = (Map<?, ?>) api.post("/api/v1/employers", employer).get("address");
        assertEquals(World.AARHUS[0], ((Number) address.get("latitude")).doubleValue(), 1e-9);
    }

    @Test
    void importedPostcodesSurviveARestart() throws IOException {
        importFile(write("persist.csv", "postcode;name;latitude;longitude\n4324;Vedvarende;55.1;11.1\n"));
        Postcodes afterRestart = new Postcodes(store, tmp.resolve("no-seed").toString());
        assertEquals("Vedvarende", afterRestart.find("4324").orElseThrow().name());
        assertEquals(postcodes.size(), afterRestart.size());
    }

    @Test
    void aFileWithBadRowsIsRefusedNamingTheLinesAndChangesNothing() throws IOException {
        int before = postcodes.size();
        Path file = write("bad.csv", "postcode;name;latitude;longitude\n4325;Godby;55.1;11.1\n43x;Fejlby;55.1;11.1\n"
                + "4326;Nordpol;91;11\n4327;;55;11\n");
        Api.Problem problem = api.fails(HttpRequest.POST("/api/v1/admin/geo/postcodes-import",
                Map.of("file", file.toString())), HttpStatus.UNPROCESSABLE_ENTITY);
        for (String reason : List.of("line 3: postcode must be 4 digits", "line 4: latitude must be a number",
                "line 5: name must be")) {
            assertTrue(problem.body().contains(reason), problem.body());
        }
        assertTrue(!problem.body().contains("Fejlby"), "values sent are not echoed back");
        assertTrue(postcodes.find("4325").isEmpty());
        assertEquals(before, postcodes.size());

        api.fails(HttpRequest.POST("/api/v1/admin/geo/postcodes-import",
                Map.of("file", tmp.resolve("missing.csv").toString())), HttpStatus.UNPROCESSABLE_ENTITY);
        api.fails(HttpRequest.POST("/api/v1/admin/geo/postcodes-import",
                Map.of("file", write("header.csv", "a;b;c;d\n").toString())), HttpStatus.UNPROCESSABLE_ENTITY);
    }

    @Test
    void replacingTheWholeTableDropsPostcodesTheFileDoesNotName() throws IOException {
        Path full = tmp.resolve("full.csv");
        Files.copy(Path.of("index/geo/postcodes_dk.csv"), full);
        Map<String, Object> body = new HashMap<>();
        body.put("file", full.toString());
        body.put("replaceAll", true);
        importFile(write("extra.csv", "postcode;name;latitude;longitude\n4328;Ekstra;55.2;11.2\n"));

        Map<String, Object> result = api.exchangeOk(HttpRequest.POST("/api/v1/admin/geo/postcodes-import", body));
        assertTrue(((Number) result.get("removed")).intValue() >= 1);
        assertTrue(postcodes.find("4328").isEmpty());
        assertEquals(postcodes.size(), store.readAll().size());
    }

    private Map<String, Object> importFile(Path file) {
        return api.exchangeOk(HttpRequest.POST("/api/v1/admin/geo/postcodes-import", Map.of("file", file.toString())));
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(tmp.resolve(name), content);
    }
}
