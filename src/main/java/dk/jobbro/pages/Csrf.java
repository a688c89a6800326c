package dk.jobbro.pages;

import dk.jobbro.web.ApiException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * CSRF protection for every form: a random token in an HttpOnly, SameSite=Strict cookie, repeated in a hidden field
 * of each form, compared on every POST (double submit). A site elsewhere can neither read the cookie nor send it
 * (SameSite), so it cannot forge the field. The token is renewed at sign-in.
 */
@Singleton
final class Csrf {

    static final String COOKIE = "jobbro_csrf";
    static final String FIELD = "_csrf";
    private final SecureRandom random = new SecureRandom();

    /** The request's token, if its cookie carries one. */
    Optional<String> existing(HttpRequest<?> request) {
        return request.getCookies().findCookie(COOKIE).map(Cookie::getValue).filter(v -> v.matches("[A-Za-z0-9_-]{43}"));
    }

    String fresh() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    Cookie cookie(String token) {
        return Cookie.of(COOKIE, token).httpOnly(true).sameSite(SameSite.Strict).path("/");
    }

    /** 403 unless the form repeats the cookie's token. */
    void verify(HttpRequest<?> request, Form form) {
        Optional<String> expected = existing(request);
        String sent = form.text(FIELD);
        if (expected.isEmpty() || !MessageDigest.isEqual(expected.get().getBytes(StandardCharsets.US_ASCII),
                sent.getBytes(StandardCharsets.US_ASCII))) {
            throw new ApiException(HttpStatus.FORBIDDEN,
                    "Formularen kunne ikke godkendes (CSRF). Hent siden igen og prøv en gang til.", List.of());
        }
    }
}
