package org.cimforge.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.cimforge.codegen.CimForgeGenerator;
import org.cimforge.mof.MofCompiler;

/**
 * A hash of the MOF compiler's and the generator's own code, kept in the build state: output made by another build
 * of the plugin (a SNAPSHOT keeps its version across changes) is regenerated instead of being taken as up to date.
 */
final class GeneratorStamp {
    private static String current;

    private GeneratorStamp() {
    }

    /** The stamp of the code running now, computed once per class loader. */
    static synchronized String current() {
        if (current == null) {
            MessageDigest digest = sha256();
            for (Class<?> c : List.of(MofCompiler.class, CimForgeGenerator.class)) {
                hashCodeSource(c, digest);
            }
            current = HexFormat.of().formatHex(digest.digest());
        }
        return current;
    }

    private static void hashCodeSource(Class<?> type, MessageDigest digest) {
        try {
            Path location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(location)) {
                digest.update(Files.readAllBytes(location)); // a jar: a few hundred KB, read once per build
                return;
            }
            // Classes in a folder (the reactor's target/classes): every class file, in a stable order.
            try (Stream<Path> files = Files.walk(location)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                    digest.update(location.relativize(f).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    digest.update(Files.readAllBytes(f));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the generator's own code to stamp the build state", e);
        } catch (URISyntaxException | RuntimeException e) {
            // No readable code source (an unusual class loader): the type's name alone, so the state still works.
            digest.update(type.getName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
