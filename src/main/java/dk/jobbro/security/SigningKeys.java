package dk.jobbro.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.KeyType;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.security.token.jwt.signature.SignatureConfiguration;
import io.micronaut.security.token.jwt.signature.jwks.JwksSignatureConfiguration;
import io.micronaut.security.token.jwt.signature.rsa.RSASignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The keys bearer tokens are checked against, from configuration or environment only (never from the repository):
 * <ul>
 *   <li>{@code jobbro.security.jwt.jwks-url} ({@code JOBBRO_SECURITY_JWT_JWKS_URL}): the identity provider's JWKS;
 *   <li>{@code jobbro.security.jwt.public-key} ({@code JOBBRO_SECURITY_JWT_PUBLIC_KEY}): an RSA public key, PEM;
 *   <li>{@code jobbro.security.jwt.hmac-secret} ({@code JOBBRO_SECURITY_JWT_HMAC_SECRET}): a shared HMAC secret;
 *   <li>none of these: the development key generated into the data folder ({@link DevSigningKey}), unless
 *       {@code jobbro.security.dev-key.enabled} is false, in which case no token is accepted at all.
 * </ul>
 */
@Factory
final class SigningKeys {

    private static final Logger LOG = LoggerFactory.getLogger(SigningKeys.class);
    /** HS256 needs at least 256 bits; shorter secrets can be brute-forced from one token. */
    private static final int MIN_SECRET_BYTES = 32;

    @Singleton
    @Named("jobbro-idp")
    @Requires(property = "jobbro.security.jwt.jwks-url")
    JwksSignatureConfiguration identityProvider(@Property(name = "jobbro.security.jwt.jwks-url") String url) {
        return new JwksSignatureConfiguration() {
            @Override
            public String getUrl() {
                return url;
            }

            @Override
            public KeyType getKeyType() {
                return KeyType.RSA;
            }

            @Override
            public Integer getCacheExpiration() {
                return 60;
            }

            @Override
            public String getName() {
                return "jobbro-idp";
            }
        };
    }

    @Singleton
    @Named("jobbro-public-key")
    @Requires(property = "jobbro.security.jwt.public-key")
    SignatureConfiguration publicKey(@Property(name = "jobbro.security.jwt.public-key") String pem) {
        RSAPublicKey key = parsePublicKey(pem);
        return new RSASignature(() -> key);
    }

    @Singleton
    @Named("jobbro-hmac")
    @Requires(property = "jobbro.security.jwt.hmac-secret")
    SignatureConfiguration sharedSecret(@Property(name = "jobbro.security.jwt.hmac-secret") String secret) {
        if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("jobbro.security.jwt.hmac-secret must be at least " + MIN_SECRET_BYTES
                    + " bytes");
        }
        return new SecretSignature(new SecretSignatureConfiguration("jobbro-hmac") {
            {
                setSecret(secret);
            }
        });
    }

    @Singleton
    @Named("jobbro-dev-key")
    @Requires(missingProperty = "jobbro.security.jwt.jwks-url")
    @Requires(missingProperty = "jobbro.security.jwt.public-key")
    @Requires(missingProperty = "jobbro.security.jwt.hmac-secret")
    @Requires(property = "jobbro.security.dev-key.enabled", notEquals = "false")
    SignatureConfiguration developmentKey(@Property(name = "jobbro.data-dir") String dataDir) {
        Path folder = Path.of(dataDir);
        LOG.warn("No identity provider configured: accepting tokens signed with the development key in {}"
                + " (print demo tokens with dk.jobbro.security.DemoTokens)", folder.resolve(DevSigningKey.FILE));
        try {
            RSAPublicKey key = DevSigningKey.loadOrCreate(folder).toRSAPublicKey();
            return new RSASignature(() -> key);
        } catch (JOSEException e) {
            throw new IllegalStateException("The development signing key holds no RSA public key", e);
        }
    }

    static RSAPublicKey parsePublicKey(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (Exception e) {
            throw new IllegalStateException("jobbro.security.jwt.public-key is not an RSA public key in PEM"
                    + " (-----BEGIN PUBLIC KEY-----)", e);
        }
    }
}
