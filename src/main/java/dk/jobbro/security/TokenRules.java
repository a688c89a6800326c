package dk.jobbro.security;

import io.micronaut.context.env.Environment;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.List;

/**
 * What every bearer token must carry besides a valid signature: an expiry ({@code exp}: a token without one would
 * never expire) and exactly one Jobbro role in {@code roles} (a token with ADMIN or SYSTEM next to CONSULTANT or
 * EMPLOYER would mix an unlimited scope with a limited one's rights; such a token is refused (401), not narrowed, so
 * the identity provider's mistake shows at once). A valid token without a Jobbro role passes here and is refused
 * by every route rule (403). {@code nbf} is honoured by Micronaut's not-before validator, switched
 * on in application.yml; issuer and audience by its issuer and audience validators, which must be configured when
 * the development key is off ({@link #requireIssuerAndAudience}).
 */
@Singleton
final class TokenRules implements GenericJwtClaimsValidator<Object> {

    private static final Logger LOG = LoggerFactory.getLogger(TokenRules.class);
    static final String ISSUER = "micronaut.security.token.jwt.claims-validators.issuer";
    static final String AUDIENCE = "micronaut.security.token.jwt.claims-validators.audience";

    private final Environment environment;

    TokenRules(Environment environment) {
        this.environment = environment;
    }

    @Override
    public boolean validate(Claims claims, Object request) {
        if (claims.get(Claims.EXPIRATION_TIME) == null) {
            LOG.debug("Refused a token without exp");
            return false;
        }
        Object roles = claims.get("roles");
        List<String> names = roles instanceof Collection<?> list ? list.stream().map(String::valueOf).toList()
                : roles instanceof String one ? List.of(one) : List.of();
        if (names.stream().filter(Role::isRole).count() > 1) {
            LOG.debug("Refused a token with more than one Jobbro role");
            return false;
        }
        return true;
    }

    /** With a real identity provider, a token from another issuer or for another audience must not pass. */
    @EventListener
    void requireIssuerAndAudience(StartupEvent event) {
        boolean devKey = environment.getProperty("jobbro.security.dev-key.enabled", Boolean.class).orElse(true);
        if (!devKey && (environment.getProperty(ISSUER, String.class).isEmpty()
                || environment.getProperty(AUDIENCE, String.class).isEmpty())) {
            throw new IllegalStateException("With the development key off, set the issuer and audience tokens must"
                    + " carry: MICRONAUT_SECURITY_TOKEN_JWT_CLAIMS_VALIDATORS_ISSUER and"
                    + " MICRONAUT_SECURITY_TOKEN_JWT_CLAIMS_VALIDATORS_AUDIENCE");
        }
    }
}
