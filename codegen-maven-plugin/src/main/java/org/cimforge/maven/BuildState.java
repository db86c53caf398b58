package org.cimforge.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What the last generation used and produced, kept in a small text file under target/: a hash of the
 * options and of every MOF file read (includes too), the files read, and the files written. An
 * unchanged hash means nothing needs to be generated; a changed one lets stale output be removed. The stamp of the
 * generator that wrote the output is kept too, so a changed plugin regenerates.
 */
record BuildState(String fingerprint, String generator, List<String> inputs, List<String> outputs) {
    private static final String INPUT = "input ";
    private static final String OUTPUT = "output ";
    private static final String FINGERPRINT = "fingerprint ";
    private static final String GENERATOR = "generator ";

    BuildState {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /** Reads the state file; null when it is missing or unreadable (then everything is generated). */
    static BuildState read(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            String fingerprint = null;
            String generator = null;
            List<String> inputs = new ArrayList<>();
            List<String> outputs = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.startsWith(FINGERPRINT)) {
                    fingerprint = line.substring(FINGERPRINT.length());
                } else if (line.startsWith(GENERATOR)) {
                    generator = line.substring(GENERATOR.length());
                } else if (line.startsWith(INPUT)) {
                    inputs.add(line.substring(INPUT.length()));
                } else if (line.startsWith(OUTPUT)) {
                    outputs.add(line.substring(OUTPUT.length()));
                }
            }
            return fingerprint == null ? null : new BuildState(fingerprint, generator, inputs, outputs);
        } catch (IOException unreadable) {
            return null;
        }
    }

    void write(Path file) throws IOException {
        StringBuilder text = new StringBuilder(FINGERPRINT).append(fingerprint).append('\n');
        text.append(GENERATOR).append(generator).append('\n');
        inputs.forEach(i -> text.append(INPUT).append(i).append('\n'));
        outputs.forEach(o -> text.append(OUTPUT).append(o).append('\n'));
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /**
     * Hash of the options text and the current contents of the given files; a missing file hashes as
     * missing, so deleting an input also changes the fingerprint.
     */
    static String fingerprint(String options, List<Path> files) throws IOException {
        MessageDigest digest = sha256();
        digest.update(options.getBytes(StandardCharsets.UTF_8));
        for (Path file : files) {
            digest.update(("\u0000" + file + "\u0000").getBytes(StandardCharsets.UTF_8));
            if (Files.isRegularFile(file)) {
                digest.update(Files.readAllBytes(file));
            } else {
                digest.update("\u0001missing".getBytes(StandardCharsets.UTF_8));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
