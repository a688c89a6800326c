package dk.jobbro.ops;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The OpenAPI document is complete and served as YAML, and Swagger UI shows it. */
@MicronautTest
class OpenApiTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationHasASummaryItsSuccessAndItsProblemAnswers() {
        HttpResponse<String> response = client.toBlocking().exchange(HttpRequest.GET(OpenApiDocument.PATH)
                .header("X-Test-Anonymous", "true"), String.class);
        assertEquals("application/yaml", response.getContentType().orElseThrow().toString());
        Map<String, Object> api = new Yaml().load(response.body());
        Map<String, Object> components = (Map<String, Object>) api.get("components");
        assertEquals(Map.of("type", "http", "scheme", "bearer", "bearerFormat", "JWT"), Map.copyOf(
                ((Map<String, Map<String, Object>>) components.get("securitySchemes")).get("bearer").entrySet()
                        .stream().filter(e -> !e.getKey().equals("description"))
                        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))));
        assertTrue(((Map<String, Object>) components.get("schemas")).containsKey("Problem"));
        List<String> wrong = new ArrayList<>();
        int operations = 0;
        for (Map.Entry<String, Object> path : ((Map<String, Object>) api.get("paths")).entrySet()) {
            for (Map.Entry<String, Object> entry : ((Map<String, Object>) path.getValue()).entrySet()) {
                String name = entry.getKey().toUpperCase() + " " + path.getKey();
                Map<String, Object> op = (Map<String, Object>) entry.getValue();
                Map<String, Object> responses = (Map<String, Object>) op.get("responses");
                operations++;
                if (!(op.get("summary") instanceof String s) || s.isBlank()) {
                    wrong.add(name + ": no summary");
                }
                for (String status : List.of("400", "401", "403")) {
                    Map<String, Object> problem = (Map<String, Object>) responses.get(status);
                    if (problem == null || !((Map<String, Object>) problem.get("content"))
                            .containsKey("application/problem+json")) {
                        wrong.add(name + ": no " + status + " problem answer");
                    }
                }
                if (path.getKey().contains("{") && !responses.containsKey("404")) {
                    wrong.add(name + ": no 404");
                }
                boolean creates = List.of("POST /api/v1/citizens", "POST /api/v1/postings", "POST /api/v1/employers",
                        "POST /api/v1/citizens/{id}/not-for").contains(name);
                if (creates && !(responses.get("201") instanceof Map<?, ?> created
                        && ((Map<String, Object>) created.get("headers")).containsKey("Location"))) {
                    wrong.add(name + ": no 201 with Location");
                }
                if (entry.getKey().equals("delete") && !responses.containsKey("204")) {
                    wrong.add(name + ": no 204");
                }
            }
        }
        assertTrue(operations >= 38, operations + " operations");
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void swaggerUiShowsTheDocument() {
        HttpResponse<String> redirect = client.toBlocking().exchange(HttpRequest.GET("/swagger-ui")
                .header("X-Test-Anonymous", "true"), String.class);
        assertTrue(redirect.code() == 200 || redirect.code() == 303, "" + redirect.code());
        String page = client.toBlocking().retrieve(HttpRequest.GET("/swagger-ui/index.html")
                .header("X-Test-Anonymous", "true"), String.class);
        assertTrue(page.contains("/openapi/jobbro-v1.yml") && page.contains("swagger-ui-bundle.js"), page);
        HttpResponse<String> script = client.toBlocking().exchange(HttpRequest.GET("/swagger-ui/res/swagger-ui-bundle.js")
                .header("X-Test-Anonymous", "true"), String.class);
        assertEquals(200, script.code());
    }
}
