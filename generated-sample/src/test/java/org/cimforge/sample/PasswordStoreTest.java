package org.cimforge.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswordStoreTest {
    @TempDir
    Path dir;

    private static SampleMainTestSupport main() {
        return new SampleMainTestSupport(Map.of(), new PasswordGenerator(new SecureRandom()),
                new IllegalStateException("test starter: not started"));
    }

    private static String passwordOf(SampleMainTestSupport main) {
        return main.options().users().get("admin");
    }

    @Test
    void generatedAtFirstStartPrintedOnceThenReusedSilently() throws Exception {
        Path data = dir.resolve("data");
        SampleMainTestSupport first = main();
        first.exitCode("--data-dir", data.toString());
        String password = passwordOf(first);
        assertThat(password).matches("[A-Za-z0-9]{20}");
        assertThat(first.out()).contains("generated password for user 'admin': " + password)
                .contains("it will not be printed again");
        assertThat(Files.readString(data.resolve(PasswordStore.FILE_NAME)).strip()).isEqualTo(password);

        SampleMainTestSupport second = main();
        second.exitCode("--data-dir", data.toString());
        assertThat(passwordOf(second)).isEqualTo(password);
        assertThat(second.out() + second.err()).doesNotContain(password);
        assertThat(data).isDirectoryNotContaining(p -> p.getFileName().toString().endsWith(".tmp"));
    }

    @Test
    void thePasswordFileAndANewDataDirectoryAreOwnerOnly() throws Exception {
        assumeTrue(Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null,
                "POSIX permissions are not supported by this file system");
        Path data = dir.resolve("new/data");
        new PasswordStore(data, new PasswordGenerator(new SecureRandom())).loadOrCreate();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("password"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("new"))))
                .isEqualTo("rwx------");
    }

    @Test
    void aFileOthersCanReadIsUsedWithAWarning() throws Exception {
        assumeTrue(Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null,
                "POSIX permissions are not supported by this file system");
        Path file = Files.writeString(dir.resolve("password"), "handWritten\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        SampleMainTestSupport main = main();
        main.exitCode("--data-dir", dir.toString());
        assertThat(passwordOf(main)).isEqualTo("handWritten");
        assertThat(main.err()).contains("warning: the password file " + file + " can be read by other users",
                "chmod 600");
        assertThat(main.out() + main.err()).doesNotContain("handWritten");
    }

    @Test
    void withoutADataDirectoryEachStartGetsAFreshPrintedPassword() {
        SampleMainTestSupport first = main();
        first.exitCode();
        SampleMainTestSupport second = main();
        second.exitCode();
        assertThat(passwordOf(first)).isNotEqualTo(passwordOf(second));
        assertThat(first.out()).contains(passwordOf(first), "this run only");
        assertThat(second.out()).contains(passwordOf(second));
    }

    @Test
    void aGivenPasswordLeavesTheDataDirectoryWithoutAPasswordFile() {
        SampleMainTestSupport main = main();
        main.exitCode("--data-dir", dir.toString(), "--password", "given");
        assertThat(passwordOf(main)).isEqualTo("given");
        assertThat(dir.resolve(PasswordStore.FILE_NAME)).doesNotExist();
        assertThat(main.out()).doesNotContain("given");
    }

    @Test
    void anEmptyPasswordFileStopsTheStartWithOneLineAndExitOne() throws Exception {
        Files.writeString(dir.resolve("password"), "  \n");
        SampleMainTestSupport main = main();
        assertThat(main.exitCode("--data-dir", dir.toString())).isEqualTo(SampleMain.EXIT_STARTUP_FAILED);
        assertThat(main.err().lines()).singleElement().asString()
                .startsWith("cimforge-sample: error: cannot use the data directory " + dir)
                .contains("is empty; delete it to have a new password generated");
        assertThat(main.started).isEmpty();
    }

    @Test
    void aDataDirectoryThatIsAFileStopsTheStartWithExitOne() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
        SampleMainTestSupport main = main();
        assertThat(main.exitCode("--data-dir", notADirectory.toString(), "--password", "p"))
                .isEqualTo(SampleMain.EXIT_STARTUP_FAILED);
        assertThat(main.err().lines()).singleElement().asString()
                .startsWith("cimforge-sample: error: cannot use the data directory " + notADirectory)
                .doesNotContain("Exception");
        assertThat(main.started).isEmpty();
    }

    @Test
    void generatedPasswordsAreTwentyLettersOrDigitsAndDiffer() {
        PasswordGenerator generator = new PasswordGenerator(new SecureRandom());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String password = generator.next();
            assertThat(password).matches("[A-Za-z0-9]{" + PasswordGenerator.LENGTH + "}");
            seen.add(password);
        }
        assertThat(seen).hasSize(1000);
    }
}
