package dk.jobbro.security;

import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.oauth2.endpoint.token.response.JWTOpenIdClaims;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdAuthenticationMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import java.util.concurrent.atomic.AtomicReference;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With OpenID Connect configured the service starts, the sign-in page offers the municipality's login, and
 * {@code /oauth/login/jobbro} sends the browser to the configured provider's authorization endpoint. No real
 * identity provider is reachable: the test serves the provider's discovery document itself. The ID token's claims
 * become a session exactly as a bearer token's would: one Jobbro role, jobcentres, employer.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenIdConnectSignInTest implements TestPropertyProvider {

    HttpServer provider;
    String issuer;

    @Inject
    EmbeddedServer server;

    @Inject
    @Named(IdentityProviderSignIn.PROVIDER)
    OpenIdAuthenticationMapper claims;

    @Override
    public Map<String, String> getProperties() {
        try {
            provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        issuer = "http://127.0.0.1:" + provider.getAddress().getPort() + "/realms/kommune";
        provider.createContext("/realms/kommune/.well-known/openid-configuration", exchange -> {
            byte[] body = ("{\"issuer\":\"" + issuer + "\",\"authorization_endpoint\":\"" + issuer + "/auth\","
                    + "\"token_endpoint\":\"" + issuer + "/token\",\"jwks_uri\":\"" + issuer + "/certs\","
                    + "\"response_types_supported\":[\"code\"],\"subject_types_supported\":[\"public\"],"
                    + "\"id_token_signing_alg_values_supported\":[\"RS256\"],"
                    + "\"scopes_supported\":[\"openid\",\"profile\"]}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        provider.start();
        return Map.of("micronaut.security.oauth2.enabled", "true",
                "micronaut.security.oauth2.clients.jobbro.client-id", "jobbro-aarhus",
                "micronaut.security.oauth2.clients.jobbro.client-secret", "test-secret",
                "micronaut.security.oauth2.clients.jobbro.openid.issuer", issuer);
    }

    @AfterAll
    void stopProvider() {
        if (provider != null) {
            provider.stop(0);
        }
    }

    @Test
    void theLoginRouteSendsTheBrowserToTheConfiguredProvider() throws Exception {
        HttpResponse<String> login = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(HttpRequest.newBuilder(URI.create(server.getURL() + "/oauth/login/jobbro")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
        assertTrue(login.statusCode() == 302 || login.statusCode() == 303, login.statusCode() + " " + login.body());
        String location = URLDecoder.decode(login.headers().firstValue("Location").orElse(""), StandardCharsets.UTF_8);
        assertTrue(location.startsWith(issuer + "/auth?"), location);
        assertTrue(location.contains("client_id=jobbro-aarhus"), location);
        assertTrue(location.contains("response_type=code"), location);
        assertTrue(location.contains("scope=openid"), location);
        assertTrue(location.contains("redirect_uri=" + server.getURL() + "/oauth/callback/jobbro"), location);
        assertTrue(location.contains("state="), location);
        assertFalse(location.contains("test-secret"), "the client secret never goes to the browser");
    }

    @Test
    void theSignInPageOffersTheMunicipalitysLogin() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(server.getURL() + "/logind")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("href=\"/oauth/login/jobbro\""), page.body());
    }

    @Test
    void theIdTokensClaimsAreMappedAsABearerTokensAreOneRoleOnly() {
        AuthenticationResponse consultant = map(new JWTClaimsSet.Builder().subject("kons-17").issuer(issuer)
                .claim("roles", List.of("CONSULTANT", "offline_access")).claim("jobcentres", List.of("Aarhus"))
                .claim("email", "kons@aarhus.dk").build());
        assertTrue(consultant.isAuthenticated());
        var authentication = consultant.getAuthentication().orElseThrow();
        assertEquals("kons-17", authentication.getName());
        assertEquals(List.of("CONSULTANT"), List.copyOf(authentication.getRoles()));
        assertEquals(List.of("Aarhus"), authentication.getAttributes().get("jobcentres"));
        assertFalse(authentication.getAttributes().containsKey("email"), "only the claims Jobbro reads");

        AuthenticationResponse employer = map(new JWTClaimsSet.Builder().subject("v-1").claim("roles", "EMPLOYER")
                .claim("employer_id", 7).build());
        assertEquals(7, ((Number) employer.getAuthentication().orElseThrow().getAttributes().get("employer_id"))
                .intValue());

        assertFalse(map(new JWTClaimsSet.Builder().subject("x").claim("roles", List.of("ADMIN", "EMPLOYER")).build())
                .isAuthenticated(), "two Jobbro roles: refused, not narrowed");
        assertFalse(map(new JWTClaimsSet.Builder().subject("x").build()).isAuthenticated(), "no role: refused");
    }

    private AuthenticationResponse map(JWTClaimsSet set) {
        AtomicReference<AuthenticationResponse> answer = new AtomicReference<>();
        claims.createAuthenticationResponse("jobbro", null, new JWTOpenIdClaims(set), null).subscribe(
                new Subscriber<AuthenticationResponse>() {
                    @Override
                    public void onSubscribe(Subscription s) {
                        s.request(1);
                    }

                    @Override
                    public void onNext(AuthenticationResponse r) {
                        answer.set(r);
                    }

                    @Override
                    public void onError(Throwable t) {
                        throw new AssertionError(t);
                    }

                    @Override
                    public void onComplete() {
                    }
                });
        return answer.get();
    }
}
