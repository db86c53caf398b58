package org.cimforge.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cimforge.array.ArrayEngine;
import org.cimforge.array.EngineConfig;
import org.cimforge.array.clock.ManualClock;
import org.cimforge.array.model.Provisioning;
import org.cimforge.array.model.StoragePool;
import org.cimforge.array.model.Volume;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleConfigLoaderTest {
    private static final String YAML = """
            systems:
              - name: east
                capacity: 1T
                essId: 2105.fa120
                pools:
                  - name: fast
                    size: 100G
                    extentSize: 4M
                    volumes:
                      - { name: db, size: 10G, lss: "1A" }
                      - name: logs
                        size: 1.5G
                        provisioning: Thin
                        blockSize: 4096
                        count: 3
              - name: west
                capacity: 2199023255552
            """;

    private static final String JSON = """
            {"systems": [
              {"name": "east", "capacity": "1T", "essId": "2105.fa120", "pools": [
                {"name": "fast", "size": "100G", "extentSize": "4M", "volumes": [
                  {"name": "db", "size": "10G", "lss": "1A"},
                  {"name": "logs", "size": "1.5G", "provisioning": "thin", "blockSize": 4096, "count": 3}]}]},
              {"name": "west", "capacity": 2199023255552}]}
            """;

    @TempDir
    Path dir;

    private ArrayEngine build(SampleConfigLoader.Loaded loaded) {
        ArrayEngine engine = ArrayEngine.open(EngineConfig.defaults().withClock(new ManualClock()));
        new SampleConfigApplier(loaded).accept(engine);
        return engine;
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void yamlAndJsonDescribeTheSameArray() throws Exception {
        for (Path file : List.of(write("array.yaml", YAML), write("array.json", JSON))) {
            try (ArrayEngine engine = build(SampleConfigLoader.load(file))) {
                assertThat(engine.storage().systems()).extracting(s -> s.name(), s -> s.rawCapacityBytes(),
                        s -> s.essId()).as(file.toString()).containsExactlyInAnyOrder(
                                org.assertj.core.groups.Tuple.tuple("east", 1L << 40, "2105.FA120"),
                                org.assertj.core.groups.Tuple.tuple("west", 2L << 40, null));
                StoragePool pool = engine.storage().pools().get(0);
                assertThat(engine.storage().pools()).hasSize(1);
                assertThat(pool.name()).isEqualTo("fast");
                assertThat(pool.totalBytes()).isEqualTo(100L << 30);
                assertThat(pool.extentBytes()).isEqualTo(4L << 20);
                Map<String, Volume> volumes = engine.storage().volumes().stream()
                        .collect(Collectors.toMap(Volume::name, Function.identity()));
                assertThat(volumes).containsOnlyKeys("db", "logs-1", "logs-2", "logs-3");
                Volume db = volumes.get("db");
                assertThat(db.sizeBytes()).isEqualTo(10L << 30);
                assertThat(db.provisioning()).isEqualTo(Provisioning.THICK);
                assertThat(db.blockSize()).isEqualTo(512);
                assertThat(db.lss()).isEqualTo("1A");
                Volume logs = volumes.get("logs-2");
                assertThat(logs.provisioning()).isEqualTo(Provisioning.THIN);
                assertThat(logs.blockSize()).isEqualTo(4096);
                assertThat(logs.sizeBytes()).as("1.5G rounded up to whole 4M extents").isEqualTo(1536L << 20);
                assertThat(logs.poolId()).isEqualTo(pool.id());
            }
        }
    }

    @Test
    void theBuiltInArrayIsA3parAndAnEss() {
        SampleConfigLoader.Loaded loaded = SampleConfigLoader.loadDefault();
        assertThat(loaded.positions().source()).contains("sample-array.yaml");
        try (ArrayEngine engine = build(loaded)) {
            assertThat(engine.storage().systems()).extracting(s -> s.name(), s -> s.essId())
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("InServ-sample", null),
                            org.assertj.core.groups.Tuple.tuple("ESS-sample", "2105.FA120"));
            assertThat(engine.storage().pools()).extracting(StoragePool::name).containsExactlyInAnyOrder("FC_r5",
                    "NL_r6", "ess-pool");
            assertThat(engine.storage().volumes()).extracting(Volume::name).containsExactlyInAnyOrder("vv-data",
                    "vv-log", "vv-web-1", "vv-web-2", "vv-web-3", "ess-1", "ess-2");
            assertThat(engine.storage().volumes()).filteredOn(v -> v.name().startsWith("ess"))
                    .extracting(Volume::lss).containsOnly("10");
        }
    }

    @Test
    void theShippedExamplesLoad() throws Exception {
        try (ArrayEngine engine = build(SampleConfigLoader.load(Path.of("src/main/config/two-sites.json")))) {
            assertThat(engine.storage().systems()).hasSize(2);
            assertThat(engine.storage().volumeCount()).isEqualTo(9);
        }
        assertThat(SampleConfigLoader.load(Path.of("src/main/config/sample-array.yaml")).config().volumeCount())
                .isEqualTo(7);
    }

    private String error(String name, String text) throws IOException {
        Path file = write(name, text);
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> SampleConfigLoader.load(file));
        assertThat(thrown).isInstanceOf(SampleConfigException.class);
        String message = thrown.getMessage();
        assertThat(message).startsWith(file + ":").doesNotContain("\n", "java.", "org.cimforge", "com.fasterxml");
        return message.substring(file.toString().length());
    }

    @Test
    void jsonSyntaxErrorsAreLocated() throws Exception {
        assertThat(error("a.json", "{\"systems\": [\n  {\"name\": \"x\",, }\n]}"))
                .startsWith(":2:16: error: not valid JSON: Unexpected character (','")
                .endsWith("was expecting double-quote to start field name");
    }

    @Test
    void yamlSyntaxErrorsAreLocated() throws Exception {
        assertThat(error("a.yaml", "systems:\n  - name: a: b\n"))
                .isEqualTo(":2:12: error: not valid YAML: mapping values are not allowed here");
    }

    @Test
    void unknownPropertiesNameTheKnownOnes() throws Exception {
        assertThat(error("a.yaml", "systems:\n  - name: x\n    capacity: 1T\n    colour: red\n"))
                .isEqualTo(":4:5: error: systems[0].colour: unknown key; expected one of capacity, essId, name, pools");
    }

    @Test
    void badSizesAreLocatedAtTheValue() throws Exception {
        assertThat(error("a.yaml", "systems:\n  - name: x\n    capacity: 1Q\n"))
                .startsWith(":3:5: error: systems[0].capacity: '1Q' is not a size");
        assertThat(error("b.yaml", "systems:\n  - capacity: -5\n")).contains("a size must be positive");
        assertThat(error("c.yaml", "systems:\n  - capacity: 1.5\n")).contains("found a fraction (write it with a unit");
    }

    @Test
    void missingRequiredPropertiesPointAtTheEntry() throws Exception {
        assertThat(error("a.yaml", "systems:\n  - name: x\n    capacity: 1T\n    pools:\n      - name: p\n"))
                .isEqualTo(":5:9: error: systems[0].pools[0]: a pool needs 'size'");
        assertThat(error("b.json", "{\"sytems\": []}")).isEqualTo(":1:2: error: sytems: unknown key; expected one of"
                + " systems");
        assertThat(error("c.json", "{}")).isEqualTo(":1:1: error: 'systems' is required: a list of storage systems"
                + " (it may be empty)");
    }

    @Test
    void wrongTypesAndEnumValuesSayWhatWasExpected() throws Exception {
        assertThat(error("a.yaml", "systems: many\n")).contains("systems: expected a list");
        assertThat(error("b.yaml", "systems:\n  - capacity: 1T\n    pools:\n      - size: 1G\n        volumes:\n"
                + "          - {size: 1G, provisioning: fat}\n"))
                .contains("provisioning: 'fat' is not one of thick, thin");
        assertThat(error("c.yaml", "systems:\n  - capacity: 1T\n    pools:\n      - size: 1G\n        volumes:\n"
                + "          - {size: 1G, count: 0}\n")).isEqualTo(":6:24: error:"
                + " systems[0].pools[0].volumes[0].count: must be between 1 and 100000, got 0");
    }

    @Test
    void whatTheArrayRefusesIsReportedAtTheEntry() throws Exception {
        assertThat(error("a.yaml", "systems:\n  - capacity: 1T\n    pools:\n      - name: huge\n        size: 2T\n"))
                .startsWith(":4:9: error: systems[0].pools[0]: pool 'huge': Size: system ");
        assertThat(error("b.yaml", "systems:\n  - capacity: 1T\n    essId: nope\n")).startsWith(":2:5: error:"
                + " systems[0]: system: ESSID: 'nope' is not of the form");
        assertThat(error("c.yaml", "systems:\n  - capacity: 1T\n    pools:\n      - size: 10G\n        volumes:\n"
                + "          - name: big\n            size: 4G\n            count: 3\n"))
                .startsWith(":6:13: error: systems[0].pools[0].volumes[0]: volume 'big-3': Size: ");
    }

    @Test
    void emptyAndMissingFilesAreErrorsToo() throws Exception {
        assertThat(error("a.yaml", "\n")).isEqualTo(":1:1: error: the file holds no document; it needs a 'systems' list");
        assertThat(error("b.yaml", "# only a comment\n")).contains("error: the file holds no document");
        Path missing = dir.resolve("missing.yaml");
        assertThatThrownBy(() -> SampleConfigLoader.load(missing)).isInstanceOf(SampleConfigException.class)
                .hasMessage(missing + ": error: no such file");
    }

    @Test
    void bareListItemsAreReportedWhereTheyStand() throws Exception {
        assertThat(error("a.yaml", "systems:\n  -\n")).isEqualTo(":2:4: error: systems[0]: expected a system,"
                + " found nothing");
    }

    @Test
    void anEmptySystemListIsAnEmptyArray() throws Exception {
        try (ArrayEngine engine = build(SampleConfigLoader.load(write("a.yaml", "systems: []\n")))) {
            assertThat(engine.storage().systems()).isEmpty();
        }
    }

    @Test
    void aBadConfigFileStopsTheCommandLineWithExitTwo() throws Exception {
        Path file = write("bad.yaml", "systems:\n  - capacity: 1T\n    colour: red\n");
        SampleMainTestSupport main = new SampleMainTestSupport(Map.of(),
                new PasswordGenerator(new java.security.SecureRandom()), new IllegalStateException("not started"));
        assertThat(main.exitCode("--config", file.toString())).isEqualTo(SampleMain.EXIT_USAGE);
        assertThat(main.err().lines()).containsExactly(file + ":3:5: error: systems[0].colour: unknown key;"
                + " expected one of capacity, essId, name, pools");
        assertThat(main.started).isEmpty();
    }
}
