package dk.jobbro.security;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.handlers.RedirectingLoginHandler;
import io.micronaut.security.oauth2.endpoint.authorization.state.State;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdAuthenticationMapper;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdClaims;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdTokenResponse;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Signing in to the pages through the municipality's OpenID Connect provider (Micronaut Security OAuth2, the
 * authorization code flow at {@code /oauth/login/jobbro}; off unless {@code JOBBRO_OIDC_ENABLED=true}). The ID
 * token's claims are read as a bearer token's are: exactly one Jobbro role in {@code roles}, a consultant's
 * {@code jobcentres}, an employer's {@code employer_id}; a sign-in with none or several roles is refused. The
 * result is the pages' own session ({@link PageSessions}), so pages run on the same roles, tenancy and audit as
 * with any other sign-in.
 */
@Requires(property = "micronaut.security.oauth2.enabled", value = "true")
final class IdentityProviderSignIn {

    private static final Logger LOG = LoggerFactory.getLogger(IdentityProviderSignIn.class);
    /** The client's name in Micronaut's configuration and in the sign-in URL. */
    static final String PROVIDER = "jobbro";

    private IdentityProviderSignIn() {
    }

    /** The ID token's claims as an authentication: the subject, the one role, and the scope claims. */
    @Singleton
    @Named(PROVIDER)
    @Requires(property = "micronaut.security.oauth2.enabled", value = "true")
    static final class ClaimsMapping implements OpenIdAuthenticationMapper {

        @Override
        public Publisher<AuthenticationResponse> createAuthenticationResponse(String providerName,
                OpenIdTokenResponse tokenResponse, OpenIdClaims claims, @Nullable State state) {
            Map<String, Object> all = claims.getClaims();
            Object rolesClaim = all.get("roles");
            List<String> roles = (rolesClaim instanceof Collection<?> list ? list.stream().map(String::valueOf).toList()
                    : rolesClaim instanceof String one ? List.of(one) : List.<String>of())
                    .stream().filter(Role::isRole).toList();
            if (roles.size() != 1 || claims.getSubject() == null) {
                LOG.info("Refused a sign-in through the identity provider: {} Jobbro roles", roles.size());
                return Publishers.just(AuthenticationResponse.failure("Ingen eller flere Jobbro-roller"));
            }
            Map<String, Object> attributes = new HashMap<>();
            if (all.get(Caller.JOBCENTRES_CLAIM) != null) {
                attributes.put(Caller.JOBCENTRES_CLAIM, all.get(Caller.JOBCENTRES_CLAIM));
            }
            if (all.get(Caller.EMPLOYER_CLAIM) != null) {
                attributes.put(Caller.EMPLOYER_CLAIM, all.get(Caller.EMPLOYER_CLAIM));
            }
            return Publishers.just(AuthenticationResponse.success(claims.getSubject(), roles, attributes));
        }
    }

    /** After the provider's callback: the pages' session cookie, and the role's start page. */
    @Singleton
    @Requires(property = "micronaut.security.oauth2.enabled", value = "true")
    static final class SessionIssuer implements RedirectingLoginHandler<HttpRequest<?>, MutableHttpResponse<?>> {

        private final PageSessions sessions;

        SessionIssuer(PageSessions sessions) {
            this.sessions = sessions;
        }

        @Override
        public MutableHttpResponse<?> loginSuccess(Authentication authentication, HttpRequest<?> request) {
            return HttpResponse.seeOther(URI.create("/"))
                    .cookie(sessions.signIn(authentication).secure(request.isSecure()));
        }

        @Override
        public MutableHttpResponse<?> loginRefresh(Authentication authentication, String refreshToken,
                                                   HttpRequest<?> request) {
            return loginSuccess(authentication, request);
        }

        @Override
        public MutableHttpResponse<?> loginFailed(AuthenticationResponse response, HttpRequest<?> request) {
            return HttpResponse.seeOther(URI.create("/logind?fejl=1"));
        }
    }
}
