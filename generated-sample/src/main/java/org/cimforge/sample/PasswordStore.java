package org.cimforge.sample;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps the generated password in the data directory: made at the first start, read back at later ones, in a file
 * only its owner may read where the file system can say so (POSIX permissions, or an ACL on Windows).
 */
public final class PasswordStore {
    /** Name of the password file inside the data directory. */
    public static final String FILE_NAME = "password";

    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private final Path directory;
    private final Path file;
    private final PasswordGenerator generator;
    private final List<String> warnings = new ArrayList<>();

    /** A store in {@code dataDirectory} that generates with {@code generator}. */
    public PasswordStore(Path dataDirectory, PasswordGenerator generator) {
        this.directory = dataDirectory;
        this.file = dataDirectory.resolve(FILE_NAME);
        this.generator = generator;
    }

    /** The password file. */
    public Path file() {
        return file;
    }

    /** Things the user should fix (such as a password file others can read), found by the last call. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Reads the saved password, or generates, saves and returns a new one when there is none yet. */
    public PasswordChoice loadOrCreate() throws IOException {
        warnings.clear();
        if (Files.exists(file)) {
            return read();
        }
        createPrivateDirectories(directory);
        String password = generator.next();
        Path temporary = createOwnerOnlyFile(directory);
        try {
            // Written whole and forced to disk under a temporary name, then renamed: a crash never leaves a
            // half-written password file behind.
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap((password + "\n").getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
            }
            Files.move(temporary, file);
        } catch (FileAlreadyExistsException raced) {
            // Another start with the same data directory saved its password first: use that one.
            return read();
        } finally {
            Files.deleteIfExists(temporary);
        }
        return new PasswordChoice(password, PasswordChoice.Origin.GENERATED_AND_SAVED, file);
    }

    private PasswordChoice read() throws IOException {
        String password = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (password.isEmpty()) {
            throw new IOException("the password file " + file + " is empty; delete it to have a new password generated");
        }
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix != null) {
            Set<PosixFilePermission> permissions = posix.readAttributes().permissions();
            if (!OWNER_ONLY_FILE.containsAll(permissions)) {
                warnings.add("the password file " + file + " can be read by other users (permissions "
                        + PosixFilePermissions.toString(permissions) + "); make it private with: chmod 600 " + file);
            }
        }
        return new PasswordChoice(password, PasswordChoice.Origin.SAVED_EARLIER, file);
    }

    /** Creates {@code dir} and missing parents; the ones created are private to their owner where supported. */
    public static void createPrivateDirectories(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return;
        }
        Path parent = absolute.getParent();
        if (parent != null) {
            createPrivateDirectories(parent);
        }
        try {
            if (supportsPosix(parent)) {
                Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
            } else {
                Files.createDirectory(absolute);
                restrictAcl(absolute);
            }
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(absolute)) {
                throw e;
            }
        }
    }

    private static Path createOwnerOnlyFile(Path dir) throws IOException {
        return createOwnerOnlyFile(dir, ".password-");
    }

    /** A new empty temporary file in {@code dir} that only its owner can read, named {@code prefix...tmp}. */
    static Path createOwnerOnlyFile(Path dir, String prefix) throws IOException {
        if (supportsPosix(dir)) {
            FileAttribute<Set<PosixFilePermission>> ownerOnly = PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE);
            return Files.createTempFile(dir, prefix, ".tmp", ownerOnly);
        }
        Path created = Files.createTempFile(dir, prefix, ".tmp");
        restrictAcl(created);
        return created;
    }

    private static boolean supportsPosix(Path existing) {
        return existing != null && Files.getFileAttributeView(existing, PosixFileAttributeView.class) != null;
    }

    // Windows (NTFS) has no POSIX permissions: replace the inherited ACL by one entry for the owner.
    private static void restrictAcl(Path path) throws IOException {
        AclFileAttributeView acl = Files.getFileAttributeView(path, AclFileAttributeView.class);
        if (acl == null) {
            return;
        }
        AclEntry ownerOnly = AclEntry.newBuilder()
                .setType(AclEntryType.ALLOW)
                .setPrincipal(acl.getOwner())
                .setPermissions(EnumSet.allOf(AclEntryPermission.class))
                .build();
        acl.setAcl(List.of(ownerOnly));
    }
}
