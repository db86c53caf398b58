package org.cimforge.sample;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import org.cimforge.runtime.server.SelfSignedCertificate;

/**
 * The HTTPS key store kept in the data directory: generated at the first start and reused after, so clients that
 * pinned or accepted the self-signed certificate once keep trusting it (a new one at every start made them refuse
 * the restarted provider, or taught their users to click through warnings).
 */
final class SampleCertificate {
    /** The PKCS#12 key store, owner-only like the password file. */
    static final String KEY_STORE = "https-keystore.p12";
    /** Its password (random letters and digits), owner-only; it guards nothing the directory does not already. */
    static final String KEY_STORE_PASSWORD = "https-keystore.password";

    /** Where a kept key store is and how to open it. */
    record Kept(Path keyStore, String password) {
    }

    private SampleCertificate() {
    }

    /** The key store of {@code dataDirectory}, created for {@code host} when it has none yet. */
    static Kept keep(Path dataDirectory, String host) throws IOException {
        Path store = dataDirectory.resolve(KEY_STORE);
        Path passwordFile = dataDirectory.resolve(KEY_STORE_PASSWORD);
        if (Files.isRegularFile(store) && Files.isRegularFile(passwordFile)) {
            return new Kept(store, Files.readString(passwordFile, StandardCharsets.UTF_8).strip());
        }
        String password = new PasswordGenerator(new SecureRandom()).next();
        KeyStore generated = SelfSignedCertificate.generate(host, password.toCharArray());
        // Password first, then the store, each written whole and moved into place: a start killed half-way leaves
        // no store without its password, only a password that the next start replaces.
        replace(passwordFile, out -> out.write(password.getBytes(StandardCharsets.UTF_8)));
        replace(store, out -> {
            try {
                generated.store(out, password.toCharArray());
            } catch (GeneralSecurityException e) {
                throw new IOException("cannot write the HTTPS key store: " + e.getMessage(), e);
            }
        });
        return new Kept(store, password);
    }

    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private static void replace(Path target, Writer writer) throws IOException {
        Path temp = PasswordStore.createOwnerOnlyFile(target.getParent(), "." + target.getFileName() + "-");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                writer.write(out);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
