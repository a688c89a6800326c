package dk.jobbro.security;

import dk.jobbro.support.Api;
import dk.jobbro.support.TestIdentityProvider;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

@MicronautTest
class AuthenticationTest {

    @Inject
    @Client("/")
    HttpClient client;

    Api api() {
        return new Api(client);
    }

    @Test
    void aRequestWithoutATokenIsRefusedWith401AsAProblemDocument() {
        for (String path : List.of("/api/v1/citizens", "/api/v1/postings", "/api/v1/employers", "/api/v1/worklist?jobcentre=Aarhus",
                "/api/v1/postings/search?q=lager", "/api/v1/citizens/1/audit")) {
            api().anonymous().fails(HttpRequest.GET(path), HttpStatus.UNAUTHORIZED);
        }
        // No route: 404 for everyone, signed in or not; it reveals nothing.
        api().anonymous().fails(HttpRequest.GET("/api/v1/admin/anything"), HttpStatus.NOT_FOUND);
        api().anonymous().fails(HttpRequest.POST("/api/v1/citizens", Map.of()), HttpStatus.UNAUTHORIZED);
    }

    @Test
    void healthAndTheOpenApiDocumentNeedNoToken() {
        assertEquals("UP", api().anonymous().get("/health").get("status"));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        String forged = TestIdentityProvider.sign("mallory", List.of("ADMIN"), Map.of(),
                TestIdentityProvider.otherKey(), Instant.now().plusSeconds(3600));
        api().as(forged).fails(HttpRequest.GET("/api/v1/citizens"), HttpStatus.UNAUTHORIZED);
    }

    @Test
    void anExpiredTokenIsRefused() {
        String expired = TestIdentityProvider.sign("admin-1", List.of("ADMIN"), Map.of(),
                TestIdentityProvider.key(), Instant.now().minusSeconds(600));
        api().as(expired).fails(HttpRequest.GET("/api/v1/citizens"), HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aGarbledTokenIsRefused() {
        api().as("not.a.jwt").fails(HttpRequest.GET("/api/v1/citizens"), HttpStatus.UNAUTHORIZED);
        api().as("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4Iiwicm9sZXMiOlsiQURNSU4iXX0.")
                .fails(HttpRequest.GET("/api/v1/citizens"), HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aValidTokenWithoutAJobbroRoleIsForbidden() {
        String noRole = TestIdentityProvider.token("someone", "VISITOR", Map.of());
        api().as(noRole).fails(HttpRequest.GET("/api/v1/citizens"), HttpStatus.FORBIDDEN);
        api().as(noRole).fails(HttpRequest.GET("/api/v1/postings"), HttpStatus.FORBIDDEN);
    }

    /** A token signed with the trusted key, its claims chosen by the test (no exp, a future nbf...). */
    static String signed(com.nimbusds.jwt.JWTClaimsSet claims) throws Exception {
        com.nimbusds.jwt.SignedJWT jwt = new com.nimbusds.jwt.SignedJWT(new com.nimbusds.jose.JWSHeader.Builder(
                com.nimbusds.jose.JWSAlgorithm.RS256).keyID(TestIdentityProvider.key().getKeyID()).build(), claims);
        jwt.sign(new com.nimbusds.jose.crypto.RSASSASigner(TestIdentityProvider.key()));
        return jwt.serialize();
    }

    @Test
    void aTokenWithoutAnExpiryIsRefused() throws Exception {
        String forever = signed(new com.nimbusds.jwt.JWTClaimsSet.Builder().subject("admin-1")
                .claim("roles", List.of("ADMIN")).build());
        api().as(forever).fails(HttpRequest.GET("/api/v1/citizens"), HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aTokenNotYetValidIsRefused() throws Exception {
        String early = signed(new com.nimbusds.jwt.JWTClaimsSet.Builder().subject("admin-1")
                .claim("roles", List.of("ADMIN")).expirationTime(java.util.Date.from(Instant.now().plusSeconds(7200)))
                .notBeforeTime(java.util.Date.from(Instant.now().plusSeconds(3600))).build());
        api().as(early).fails(HttpRequest.GET("/api/v1/citizens"), HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aTokenCombiningAnUnlimitedAndALimitedRoleIsRefusedNotWidened() {
        long employer = api().as(TestIdentityProvider.admin()).id(api().as(TestIdentityProvider.admin())
                .post("/api/v1/employers", dk.jobbro.support.World.employer("Blandet ApS", dk.jobbro.support.World.cvr())));
        String mixed = TestIdentityProvider.sign("sneaky", List.of("SYSTEM", "EMPLOYER"),
                Map.of("employer_id", employer), TestIdentityProvider.key(), Instant.now().plusSeconds(3600));
        api().as(mixed).fails(HttpRequest.GET("/api/v1/citizens"), HttpStatus.UNAUTHORIZED);
        api().as(mixed).fails(HttpRequest.GET("/api/v1/postings"), HttpStatus.UNAUTHORIZED);
        String two = TestIdentityProvider.sign("double", List.of("CONSULTANT", "ADMIN"),
                Map.of("jobcentres", List.of("Aarhus")), TestIdentityProvider.key(), Instant.now().plusSeconds(3600));
        api().as(two).fails(HttpRequest.GET("/api/v1/citizens"), HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aConsultantsJobcentreClaimIsReadInItsCanonicalFormSoListAndRecordAgree() {
        Api admin = api().as(TestIdentityProvider.admin());
        long aarhus = admin.id(admin.post("/api/v1/citizens", dk.jobbro.support.World.citizen()
                .set("jobcentre", "  aarhus ").build()));
        assertEquals("Aarhus", admin.get("/api/v1/citizens/" + aarhus).get("jobcentre"), "stored canonically");
        for (String claim : List.of("aarhus", "AARHUS", " Aarhus", "Jobcenter Aarhus")) {
            Api consultant = api().as(TestIdentityProvider.token("k-" + claim.strip(), "CONSULTANT",
                    Map.of("jobcentres", List.of(claim))));
            List<Map<String, Object>> listed = consultant.getList("/api/v1/citizens?size=200");
            org.junit.jupiter.api.Assertions.assertTrue(listed.stream()
                    .anyMatch(c -> ((Number) c.get("id")).longValue() == aarhus), claim);
            assertEquals("Aarhus", consultant.get("/api/v1/citizens/" + aarhus).get("jobcentre"), claim);
        }
        Api.Problem unknown = admin.fails(HttpRequest.POST("/api/v1/citizens", dk.jobbro.support.World.citizen()
                .set("jobcentre", "Atlantis").build()), HttpStatus.UNPROCESSABLE_ENTITY);
        org.junit.jupiter.api.Assertions.assertTrue(unknown.namesField("jobcentre"), unknown.body());
    }

    @Test
    void personalDataAnswersAreNeverCachedNorSniffed() {
        io.micronaut.http.HttpResponse<String> response = client.toBlocking().exchange(
                HttpRequest.GET("/api/v1/citizens").bearerAuth(TestIdentityProvider.admin()), String.class);
        assertEquals("no-store", response.header("Cache-Control"));
        assertEquals("nosniff", response.header("X-Content-Type-Options"));
        assertEquals("default-src 'none'; frame-ancestors 'none'", response.header("Content-Security-Policy"));
    }

    @Test
    void anAdministratorTokenIsAccepted() {
        api().as(TestIdentityProvider.admin()).getList("/api/v1/citizens");
    }
}
