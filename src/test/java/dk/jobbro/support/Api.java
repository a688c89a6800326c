package dk.jobbro.support;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The real HTTP API as tests use it: JSON in, JSON maps out, problem documents checked. */
public final class Api {

    private final BlockingHttpClient http;
    /** Bearer token sent with every request; null: the default test identity (an administrator). */
    private final String token;
    private final boolean anonymous;

    public Api(HttpClient client) {
        this(client.toBlocking(), null, false);
    }

    private Api(BlockingHttpClient http, String token, boolean anonymous) {
        this.http = http;
        this.token = token;
        this.anonymous = anonymous;
    }

    /** The same API called with this bearer token (see {@link TestIdentityProvider}). */
    public Api as(String bearerToken) {
        return new Api(http, bearerToken, false);
    }

    /** The same API called without any token. */
    public Api anonymous() {
        return new Api(http, null, true);
    }

    /** Adds this API's identity to a request built by the test. */
    public <T> MutableHttpRequest<T> identify(MutableHttpRequest<T> request) {
        if (anonymous) {
            request.header(DefaultTestIdentity.ANONYMOUS, "true");
        } else if (token != null) {
            request.bearerAuth(token);
        }
        return request;
    }

    public Map<String, Object> post(String path, Object body) {
        return exchange(HttpRequest.POST(path, body), HttpStatus.CREATED);
    }

    public Map<String, Object> postOk(String path) {
        return exchange(HttpRequest.POST(path, Map.of()), HttpStatus.OK);
    }

    /** POST that answers 200 OK (an action on an existing resource) with the given body. */
    public Map<String, Object> postAction(String path, Object body) {
        return exchange(HttpRequest.POST(path, body), HttpStatus.OK);
    }

    /** Any request that must answer 200 with a JSON object. */
    public Map<String, Object> exchangeOk(MutableHttpRequest<?> request) {
        return exchange(request, HttpStatus.OK);
    }

    public Map<String, Object> put(String path, Object body) {
        return exchange(HttpRequest.PUT(path, body), HttpStatus.OK);
    }

    public void delete(String path) {
        HttpResponse<?> response = http.exchange(identify(HttpRequest.DELETE(path)));
        assertEquals(HttpStatus.NO_CONTENT, response.getStatus());
    }

    public Map<String, Object> get(String path) {
        return exchange(HttpRequest.GET(path), HttpStatus.OK);
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> getList(String path) {
        return http.retrieve(identify(HttpRequest.GET(path)), Argument.listOf(Argument.mapOf(String.class, Object.class)))
                .stream().map(m -> (Map<String, Object>) (Map<?, ?>) m).toList();
    }

    /** Ids of all postings matched for a citizen (up to 200). */
    @SuppressWarnings("unchecked")
    public java.util.Set<Long> matchIds(long citizen) {
        List<Map<String, Object>> matches = (List<Map<String, Object>>) get("/api/v1/citizens/" + citizen
                + "/matches?limit=200").get("matches");
        return matches.stream().map(m -> ((Number) m.get("postingId")).longValue())
                .collect(java.util.stream.Collectors.toSet());
    }

    /** The hard rules that exclude a posting for a citizen (empty when eligible), checked against "eligible". */
    @SuppressWarnings("unchecked")
    public java.util.Set<String> exclusionRules(long citizen, long posting) {
        Map<String, Object> why = get("/api/v1/citizens/" + citizen + "/matches/" + posting + "/explain");
        List<Map<String, Object>> exclusions = (List<Map<String, Object>>) why.get("exclusions");
        assertEquals(exclusions.isEmpty(), why.get("eligible"));
        return exclusions.stream().map(e -> (String) e.get("rule")).collect(java.util.stream.Collectors.toSet());
    }

    public long id(Map<String, Object> resource) {
        return ((Number) resource.get("id")).longValue();
    }

    /** Sends a request that must fail; checks the problem document and returns it. */
    public Problem fails(MutableHttpRequest<?> request, HttpStatus expected) {
        try {
            HttpResponse<String> ok = http.exchange(identify(request), String.class);
            return fail("expected " + expected + " but got " + ok.getStatus() + ": " + ok.body());
        } catch (HttpClientResponseException e) {
            assertEquals(expected, e.getStatus(), () -> e.getResponse().getBody(String.class).orElse(""));
            assertEquals("application/problem+json",
                    e.getResponse().getContentType().map(Object::toString).orElse(""));
            String body = e.getResponse().getBody(String.class).orElse("");
            assertNotNull(body);
            assertTrue(body.contains("\"status\":" + expected.getCode()), body);
            return new Problem(body);
        }
    }

    public record Problem(String body) {
        public boolean namesField(String field) {
            return body.contains("\"field\":\"" + field + "\"");
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> exchange(MutableHttpRequest<?> request, HttpStatus expected) {
        try {
            HttpResponse<Map> response = http.exchange(identify(request), Map.class);
            assertEquals(expected, response.getStatus());
            return response.body();
        } catch (HttpClientResponseException e) {
            return fail(request.getMethod() + " " + request.getPath() + " failed with " + e.getStatus() + ": "
                    + e.getResponse().getBody(String.class).orElse(""));
        }
    }
}
