package dk.jobbro.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;

/**
 * The development signing key of the embedded default: an RSA key pair generated on first use into
 * {@code <data>/security/dev-signing-key.json} (git-ignored, readable by the owner only), so that the README's
 * walk-through works with authentication on and no key is ever committed. Never used once an identity provider's
 * key is configured.
 */
final class DevSigningKey {

    static final String FILE = "security/dev-signing-key.json";

    private DevSigningKey() {
    }

    /** Reads the key under {@code dataDir}, creating it first if there is none. Safe when two processes race. */
    static RSAKey loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the development signing key " + file, e);
        } catch (ParseException e) {
            throw new IllegalStateException("The development signing key " + file
                    + " is damaged; delete it and restart (tokens signed with it stop working)", e);
        }
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        RSAKey key;
        try {
            key = new RSAKeyGenerator(2048).keyID("jobbro-dev-" + UUID.randomUUID()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an RSA key", e);
        }
        Path tmp = Files.createTempFile(file.getParent(), "dev-signing-key", ".tmp");
        try {
            ownerOnly(tmp);
            Files.writeString(tmp, key.toJSONString(), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file);
            }
        } catch (FileAlreadyExistsException raced) {
            // Another process created it first: use theirs.
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void ownerOnly(Path path) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data folder's own permissions apply.
        }
    }
}
