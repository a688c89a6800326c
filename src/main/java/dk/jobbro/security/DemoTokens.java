package dk.jobbro.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dk.jobbro.db.EmbeddedDatabaseConfigurer;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;

/**
 * Prints bearer tokens for demo users, signed with the development key in the data folder (created if missing), so
 * the README walk-through works with authentication on. Only a service that runs on the development key accepts them.
 *
 * <pre>
 * eval "$(deploy/demo-tokens)"                 # export lines for every role
 * deploy/demo-tokens EMPLOYER 7                  # one token for that role and scope
 * deploy/demo-tokens CONSULTANT Aarhus,Odense
 * </pre>
 */
public final class DemoTokens {

    /** A working day: demo tokens should not outlive the demo by much. */
    static final Duration LIFETIME = Duration.ofHours(12);

    private DemoTokens() {
    }

    public static void main(String[] args) {
        RSAKey key = DevSigningKey.loadOrCreate(EmbeddedDatabaseConfigurer.dataDir());
        if (args.length == 0) {
            System.out.println("# Demo tokens, valid for " + LIFETIME.toHours() + " h, signed with the development key");
            System.out.println("export ADMIN_TOKEN=" + token(key, Role.ADMIN, null));
            System.out.println("export CONSULTANT_TOKEN=" + token(key, Role.CONSULTANT, "Aarhus"));
            System.out.println("export EMPLOYER_TOKEN=" + token(key, Role.EMPLOYER, "1"));
            System.out.println("export SYSTEM_TOKEN=" + token(key, Role.SYSTEM, null));
            System.out.println("export TOKEN=$CONSULTANT_TOKEN");
            return;
        }
        Role role;
        try {
            role = Role.valueOf(args[0].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            System.err.println("Unknown role " + args[0] + "; one of " + Arrays.toString(Role.values()));
            System.exit(2);
            return;
        }
        System.out.println(token(key, role, args.length > 1 ? args[1] : null));
    }

    /** {@code scope}: comma-separated jobcentres for a consultant (default Aarhus), the employer id for an employer. */
    static String token(RSAKey key, Role role, String scope) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer("jobbro-dev")
                .subject("demo-" + role.name().toLowerCase(Locale.ROOT))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .claim("roles", List.of(role.name()));
        if (role == Role.CONSULTANT) {
            claims.claim(Caller.JOBCENTRES_CLAIM, List.of((scope == null ? "Aarhus" : scope).split(",")));
        } else if (role == Role.EMPLOYER) {
            claims.claim(Caller.EMPLOYER_CLAIM, Long.parseLong(scope == null ? "1" : scope));
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                claims.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign with the development key", e);
        }
        return jwt.serialize();
    }
}
