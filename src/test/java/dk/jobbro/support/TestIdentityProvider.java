package dk.jobbro.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.annotation.ContextConfigurer;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * The tests' identity provider: an RSA key pair generated once per test JVM (never stored), whose public key every
 * test application context trusts as {@code jobbro.security.jwt.public-key}, the production path for a static key.
 * Tests get tokens for any role and scope from {@link #token}.
 */
@ContextConfigurer
public final class TestIdentityProvider implements ApplicationContextConfigurer {

    private static final RSAKey KEY = generate();

    @Override
    public void configure(ApplicationContextBuilder builder) {
        builder.properties(Map.of("jobbro.security.jwt.public-key", publicKeyPem()));
    }

    public static String admin() {
        return token("admin-1", "ADMIN", Map.of());
    }

    public static String consultant(String... jobcentres) {
        return token("konsulent-" + String.join("-", jobcentres), "CONSULTANT", Map.of("jobcentres", List.of(jobcentres)));
    }

    public static String employer(long employerId) {
        return token("employer-" + employerId, "EMPLOYER", Map.of("employer_id", employerId));
    }

    public static String system() {
        return token("nightly", "SYSTEM", Map.of());
    }

    public static String token(String subject, String role, Map<String, Object> claims) {
        return sign(subject, List.of(role), claims, KEY, Instant.now().plus(1, ChronoUnit.HOURS));
    }

    /** A token with everything chosen by the test: other keys, expired times, no roles. */
    public static String sign(String subject, List<String> roles, Map<String, Object> claims, RSAKey key,
                              Instant expires) {
        JWTClaimsSet.Builder c = new JWTClaimsSet.Builder().subject(subject).issueTime(new Date())
                .expirationTime(Date.from(expires)).claim("roles", roles);
        claims.forEach(c::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), c.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    public static RSAKey key() {
        return KEY;
    }

    public static RSAKey otherKey() {
        return generate();
    }

    private static String publicKeyPem() {
        try {
            return "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder().encodeToString(KEY.toRSAPublicKey().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID("test-" + System.nanoTime()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
