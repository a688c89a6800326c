package dk.jobbro.security;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.security.token.jwt.signature.rsa.RSASignature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.interfaces.RSAPublicKey;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The development key and the demo tokens signed with it, without a running service. */
class DemoTokensTest {

    @TempDir
    Path data;

    @Test
    void theDevelopmentKeyIsCreatedOnceOwnerReadableOnlyAndReusedAfterwards() throws Exception {
        RSAKey first = DevSigningKey.loadOrCreate(data);
        Path file = data.resolve(DevSigningKey.FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(first.getKeyID(), DevSigningKey.loadOrCreate(data).getKeyID());
        assertTrue(first.isPrivate());
    }

    @Test
    void demoTokensCarryTheRoleAndScopeAndVerifyAgainstTheDevelopmentKeyOnly() throws Exception {
        RSAKey key = DevSigningKey.loadOrCreate(data);
        SignedJWT consultant = SignedJWT.parse(DemoTokens.token(key, Role.CONSULTANT, "Aarhus,Odense"));
        assertEquals(List.of("CONSULTANT"), consultant.getJWTClaimsSet().getStringListClaim("roles"));
        assertEquals(List.of("Aarhus", "Odense"), consultant.getJWTClaimsSet().getStringListClaim("jobcentres"));
        SignedJWT employer = SignedJWT.parse(DemoTokens.token(key, Role.EMPLOYER, "7"));
        assertEquals(7L, employer.getJWTClaimsSet().getLongClaim("employer_id"));
        RSAPublicKey own = key.toRSAPublicKey();
        assertTrue(new RSASignature(() -> own).verify(consultant));
        RSAPublicKey other = DevSigningKey.loadOrCreate(data.resolve("elsewhere")).toRSAPublicKey();
        assertFalse(new RSASignature(() -> other).verify(consultant));
    }
}
