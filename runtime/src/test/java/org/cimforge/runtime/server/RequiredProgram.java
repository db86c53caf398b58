package org.cimforge.runtime.server;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * A program from outside the build that a test drives. Missing on a developer's machine, the test is skipped with a
 * reason; missing in CI ({@code CI=true}, where {@code .ci/run} installs it), the test fails, so that a CI machine
 * without it cannot pass by running fewer tests. Shared with other modules' tests through the runtime's tests jar.
 */
public final class RequiredProgram {
    private RequiredProgram() {
    }

    /** True when {@code program} can be run. */
    public static boolean isInstalled(Path program) {
        return Files.isExecutable(program);
    }

    /**
     * Returns {@code program} when it is executable; otherwise fails under CI=true and aborts (skips) elsewhere. Call it
     * from {@code @BeforeEach}: an abort in {@code @BeforeAll} makes surefire count no test at all.
     */
    public static Path require(Path program, String debianPackage) {
        if (isInstalled(program)) {
            return program;
        }
        String reason = program + " is not installed (apt-get install -y --no-install-recommends " + debianPackage + ")";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(reason + "; CI=true, so this test must run: .ci/run installs it before the build");
        }
        // Printed as well: a test skipped from a fixture is counted, but its reason is only in the XML report.
        System.err.println("SKIPPED: " + reason + "; skipped outside CI");
        Assumptions.abort(reason + "; skipped outside CI");
        return program;
    }
}
