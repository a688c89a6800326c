package dk.jobbro.ops;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The OpenAPI document, as micronaut-openapi generates it from the controllers at build time (summaries, 201 with
 * Location, 204, the bearer scheme), completed with the error answers every operation can give: each as
 * {@code application/problem+json} with the {@code Problem} schema. Served as YAML with its own media type, and read
 * by Swagger UI at {@code /swagger-ui}. Public: it describes the API, not its data.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
final class OpenApiDocument {

    static final String PATH = "/openapi/jobbro-v1.yml";
    static final String YAML = "application/yaml";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private final String document = complete(load());

    @Get(PATH)
    @Produces(YAML)
    String document() {
        return document;
    }

    /** {@code /swagger-ui} opens Swagger UI (its files are static resources under {@code /swagger-ui/}). */
    @Get("/swagger-ui")
    HttpResponse<?> swaggerUi() {
        return HttpResponse.seeOther(URI.create("/swagger-ui/index.html"));
    }

    private static String load() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream("/META-INF/swagger/jobbro-v1.yml")) {
            if (in == null) {
                throw new IllegalStateException("META-INF/swagger/jobbro-v1.yml is missing: the build generates it");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static String complete(String generated) {
        Map<String, Object> api = new Yaml().load(generated);
        Map<String, Object> components = (Map<String, Object>) api.computeIfAbsent("components", k -> new LinkedHashMap<>());
        Map<String, Object> schemas = (Map<String, Object>) components.computeIfAbsent("schemas", k -> new LinkedHashMap<>());
        schemas.put("Problem", problemSchema());
        Map<String, Object> paths = (Map<String, Object>) api.getOrDefault("paths", Map.of());
        for (Map.Entry<String, Object> path : paths.entrySet()) {
            boolean names = path.getKey().contains("{");
            for (Map.Entry<String, Object> operation : ((Map<String, Object>) path.getValue()).entrySet()) {
                if (!METHODS.contains(operation.getKey())) {
                    continue;
                }
                String method = operation.getKey();
                Map<String, Object> op = (Map<String, Object>) operation.getValue();
                Map<String, Object> responses = (Map<String, Object>) op.computeIfAbsent("responses",
                        k -> new LinkedHashMap<>());
                boolean body = method.equals("post") || method.equals("put");
                add(responses, "400", "Malformed input: bad JSON, an unknown property, a wrong type, a missing"
                        + " parameter or an id not written [1-9][0-9]{0,17}");
                add(responses, "401", "No valid bearer token");
                add(responses, "403", "Your role may not use this operation, or the body names someone else's"
                        + " jobcentre or employer");
                if (names) {
                    add(responses, "404", "No such record, or not one you may see (the same answer)");
                }
                if (body) {
                    add(responses, "409", "Conflicts with the record's state (a duplicate, an illegal status change)");
                    add(responses, "413", "The body is too large");
                    add(responses, "422", "Breaks a business rule (an unknown taxonomy code, a passed deadline...)");
                }
            }
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setWidth(120);
        return new Yaml(options).dump(api);
    }

    private static void add(Map<String, Object> responses, String status, String description) {
        responses.putIfAbsent(status, Map.of("description", description, "content",
                Map.of("application/problem+json", Map.of("schema", Map.of("$ref", "#/components/schemas/Problem")))));
    }

    private static Map<String, Object> problemSchema() {
        Map<String, Object> fieldError = Map.of("type", "object", "required", List.of("field", "reason"),
                "properties", Map.of(
                        "field", Map.of("type", "string", "example", "skills[2].code",
                                "description", "Where in the request: a property path or a query parameter"),
                        "reason", Map.of("type", "string", "description", "Why, in English; never the value sent")));
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("type", Map.of("type", "string", "example", "about:blank"));
        properties.put("title", Map.of("type", "string"));
        properties.put("status", Map.of("type", "integer"));
        properties.put("detail", Map.of("type", "string", "nullable", true));
        properties.put("errors", Map.of("type", "array", "items", fieldError,
                "description", "At most 100 of them; errorCount says how many in all"));
        properties.put("errorCount", Map.of("type", "integer"));
        return Map.of("type", "object", "description", "RFC 9457 problem details", "properties", properties,
                "required", List.of("type", "title", "status", "errors", "errorCount"));
    }
}
