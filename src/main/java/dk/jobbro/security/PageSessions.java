package dk.jobbro.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.security.token.jwt.signature.SignatureConfiguration;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import io.micronaut.security.token.reader.TokenReader;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The pages' session: a short-lived token in an HttpOnly, SameSite=Strict cookie, signed with a key that lives only
 * in this process's memory (a restart signs everyone out). It carries the same claims as a bearer token, so the
 * pages run on the same roles, tenancy ({@link Access}) and audit as the API. The cookie is read on page paths only:
 * the API takes bearer tokens, so a cross-site form can never act on the API with a consultant's cookie. Forms are
 * also protected by a CSRF token (dk.jobbro.pages.Csrf).
 *
 * <p>With the development key (no identity provider configured) the sign-in page lists demo users; in production
 * the municipality's OpenID Connect provider signs people in and the same session is issued
 * ({@link IdentityProviderSignIn}).
 */
@Singleton
public final class PageSessions {

    public static final String COOKIE = "jobbro_session";
    /** A working day. */
    static final Duration LIFETIME = Duration.ofHours(8);

    private final byte[] secret = new byte[32];
    private final boolean demoSignIn;

    PageSessions(@Property(name = "jobbro.security.dev-key.enabled", defaultValue = "true") boolean devKey) {
        new SecureRandom().nextBytes(secret);
        this.demoSignIn = devKey;
    }

    /** Whether the sign-in page may list demo users: only while the development key is trusted. */
    public boolean demoSignInEnabled() {
        return demoSignIn;
    }

    /** A demo user to sign in as; {@code scope}: jobcentres for a consultant, the employer id for an employer. */
    public record DemoUser(Role role, String subject, List<String> jobcentres, Optional<Long> employerId) {
    }

    /** The session cookie for a signed-in user. */
    public Cookie signIn(DemoUser user) {
        if (!demoSignIn) {
            throw new IllegalStateException("Demo sign-in is off: the development key is not trusted");
        }
        return session(user.subject(), user.role().name(), user.role() == Role.CONSULTANT ? user.jobcentres() : null,
                user.employerId().orElse(null));
    }

    /**
     * The session cookie for someone the identity provider signed in ({@link IdentityProviderSignIn}): its subject,
     * its one role and scope claims, as they came.
     */
    Cookie signIn(io.micronaut.security.authentication.Authentication authentication) {
        Map<String, Object> attributes = authentication.getAttributes();
        return session(authentication.getName(), authentication.getRoles().iterator().next(),
                attributes.get(Caller.JOBCENTRES_CLAIM), attributes.get(Caller.EMPLOYER_CLAIM));
    }

    private Cookie session(String subject, String role, @io.micronaut.core.annotation.Nullable Object jobcentres,
                           @io.micronaut.core.annotation.Nullable Object employerId) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer("jobbro-pages").subject(subject)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(LIFETIME)))
                .claim("roles", List.of(role));
        if (jobcentres != null) {
            claims.claim(Caller.JOBCENTRES_CLAIM, jobcentres);
        }
        if (employerId != null) {
            claims.claim(Caller.EMPLOYER_CLAIM, employerId);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
        try {
            jwt.sign(new MACSigner(secret));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return cookie(jwt.serialize()).maxAge(LIFETIME);
    }

    public Cookie signOut() {
        return cookie("").maxAge(0);
    }

    private static Cookie cookie(String value) {
        return Cookie.of(COOKIE, value).httpOnly(true).sameSite(SameSite.Strict).path("/");
    }

    /** The key that checks session tokens, next to the identity provider's. */
    @io.micronaut.context.annotation.Factory
    static final class Keys {
        @Singleton
        @Named("jobbro-session")
        SignatureConfiguration sessionSignature(PageSessions sessions) {
            String encoded = Base64.getEncoder().encodeToString(sessions.secret);
            return new SecretSignature(new SecretSignatureConfiguration("jobbro-session") {
                {
                    setSecret(encoded);
                    setBase64(true);
                    setJwsAlgorithm(JWSAlgorithm.HS256);
                }
            });
        }
    }

    /** Whether a path is a page (not the API, health or the OpenAPI document). */
    public static boolean isPage(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        return !(p.startsWith("/api/") || p.equals("/api") || p.startsWith("/health") || p.startsWith("/openapi")
                || p.startsWith("/swagger-ui") || p.equals("/prometheus"));
    }

    /** Reads the session cookie on page paths only. */
    @Singleton
    static final class CookieReader implements TokenReader<HttpRequest<?>> {
        @Override
        public Optional<String> findToken(HttpRequest<?> request) {
            if (!isPage(request.getPath())) {
                return Optional.empty();
            }
            return request.getCookies().findCookie(COOKIE).map(Cookie::getValue).filter(v -> !v.isBlank());
        }
    }
}
