package org.cimforge.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The incremental state file and the fingerprint it is keyed on. */
class BuildStateTest {

    @Test
    void roundTripsThroughItsFile(@TempDir Path dir) throws Exception {
        BuildState state = new BuildState("abc", "gen1", List.of("/a.mof", "/b.mof"), List.of("/out/A.java"));
        Path file = dir.resolve("sub/generate.state");
        state.write(file);
        assertThat(BuildState.read(file)).isEqualTo(state);
        assertThat(BuildState.read(dir.resolve("missing"))).isNull();
    }

    @Test
    void fingerprintChangesWithContentSettingsAndMissingFiles(@TempDir Path dir) throws Exception {
        Path a = Files.writeString(dir.resolve("a.mof"), "class A { };");
        String first = BuildState.fingerprint("settings", List.of(a));
        assertThat(BuildState.fingerprint("settings", List.of(a))).isEqualTo(first);
        assertThat(BuildState.fingerprint("other settings", List.of(a))).isNotEqualTo(first);
        Files.writeString(a, "class B { };");
        String edited = BuildState.fingerprint("settings", List.of(a));
        assertThat(edited).isNotEqualTo(first);
        Files.delete(a);
        assertThat(BuildState.fingerprint("settings", List.of(a))).isNotEqualTo(edited);
    }

    @Test
    void sourceSelectionHonoursIncludesAndExcludes(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("top.mof"), "");
        Files.writeString(dir.resolve("sub/inner.mof"), "");
        Files.writeString(dir.resolve("sub/skip.mof"), "");
        Files.writeString(dir.resolve("notes.txt"), "");
        assertThat(MofSources.select(dir, List.of("**/*.mof"), List.of("**/skip.mof")))
                .containsExactly(dir.resolve("sub/inner.mof"), dir.resolve("top.mof"));
        assertThat(MofSources.select(dir.resolve("absent"), List.of("**/*.mof"), List.of())).isEmpty();
    }
}
