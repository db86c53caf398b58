package org.cimforge.sample;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.JacksonYAMLParseException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a {@code --config} file (JSON or YAML) into a {@link SampleConfig}, checks it against a scratch array, and
 * reports the first problem as one {@code FILE:line:col: error: message} line.
 */
public final class SampleConfigLoader {
    /** Class-path resource of the array the sample starts with when no {@code --config} is given. */
    public static final String DEFAULT_RESOURCE = "/org/cimforge/sample/sample-array.yaml";

    /** The largest configuration file read: 4 MiB, far above what any array description needs. */
    static final int MAX_FILE_BYTES = 4 << 20;

    private SampleConfigLoader() {
    }

    /**
     * A loaded configuration with where its parts are in the file.
     *
     * @param config    what the file describes
     * @param positions where each part of it is
     */
    public record Loaded(SampleConfig config, SampleConfigPositions positions) {
    }

    /** Loads and checks a file; {@code .json} files are read as JSON, anything else as YAML. */
    public static Loaded load(Path file) throws SampleConfigException {
        String source = file.toString();
        String text;
        try {
            text = readBounded(file);
        } catch (NoSuchFileException e) {
            throw new SampleConfigException(source, "no such file");
        } catch (IOException e) {
            throw new SampleConfigException(source, "cannot read it: " + CliErrors.describe(e));
        }
        boolean json = file.getFileName() != null
                && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        return parse(source, text, json);
    }

    /**
     * The file as text, refused beyond {@link #MAX_FILE_BYTES}: {@code --config /dev/zero} or a 600 MB file used to
     * end in an OutOfMemoryError instead of exit code 2.
     */
    private static String readBounded(Path file) throws IOException, SampleConfigException {
        if (Files.isDirectory(file)) {
            throw new SampleConfigException(file.toString(), "is a directory, not a configuration file");
        }
        byte[] bytes;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw new SampleConfigException(file.toString(), "larger than " + (MAX_FILE_BYTES >> 20)
                    + " MiB; a configuration describes an array (use 'count' for many volumes), it holds no data");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The built-in sample array (the file shipped as {@code src/main/config/sample-array.yaml}). */
    public static Loaded loadDefault() {
        try (InputStream in = SampleConfigLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the class path lacks " + DEFAULT_RESOURCE);
            }
            return parse("built-in sample-array.yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8), false);
        } catch (IOException | SampleConfigException e) {
            throw new IllegalStateException("the built-in sample array is broken: " + e.getMessage(), e);
        }
    }

    /** Parses and checks JSON or YAML text; {@code source} names it in error messages. */
    public static Loaded parse(String source, String text, boolean json) throws SampleConfigException {
        ObjectMapper mapper = mapper(json);
        SampleConfigPositions positions;
        try {
            positions = SampleConfigPositions.index(source, mapper.getFactory(), text);
        } catch (JsonProcessingException e) {
            throw new SampleConfigException(SampleConfigPositions.at(source, e.getLocation()), syntax(e, json));
        } catch (IOException e) {
            throw new SampleConfigException(source, CliErrors.describe(e));
        }
        if (positions == null) {
            throw new SampleConfigException(source + ":1:1", "the file holds no document; it needs a 'systems' list");
        }
        SampleConfig config;
        try {
            config = mapper.readValue(text, SampleConfig.class);
        } catch (JsonMappingException e) {
            String path = path(e);
            throw new SampleConfigException(positions.of(path, e.getLocation()),
                    (path.isEmpty() ? "" : path + ": ") + explain(e));
        } catch (JsonProcessingException e) {
            throw new SampleConfigException(SampleConfigPositions.at(source, e.getLocation()), syntax(e, json));
        }
        Loaded loaded = new Loaded(config, positions);
        checkRequired(loaded);
        // The array has the last word on what fits (extents, rounding, subscription limits): build the whole thing
        // in a scratch in-memory array now, so a pool that is too large is reported before anything starts.
        new SampleConfigApplier(loaded).dryRun();
        return loaded;
    }

    private static ObjectMapper mapper(boolean json) {
        return (json ? JsonMapper.builder(new JsonFactory()) : YAMLMapper.builder(new YAMLFactory()))
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .build();
    }

    private static void checkRequired(Loaded loaded) throws SampleConfigException {
        SampleConfig config = loaded.config();
        SampleConfigPositions at = loaded.positions();
        if (config.systems() == null) {
            throw new SampleConfigException(at.of(""), "'systems' is required: a list of storage systems"
                    + " (it may be empty)");
        }
        for (int s = 0; s < config.systems().size(); s++) {
            SampleConfig.SystemEntry system = config.systems().get(s);
            String systemPath = "systems[" + s + "]";
            require(at, systemPath, system, system == null ? null : system.capacity(), "capacity", "system");
            for (int p = 0; p < system.pools().size(); p++) {
                SampleConfig.PoolEntry pool = system.pools().get(p);
                String poolPath = systemPath + ".pools[" + p + "]";
                require(at, poolPath, pool, pool == null ? null : pool.size(), "size", "pool");
                for (int v = 0; v < pool.volumes().size(); v++) {
                    SampleConfig.VolumeEntry volume = pool.volumes().get(v);
                    String volumePath = poolPath + ".volumes[" + v + "]";
                    require(at, volumePath, volume, volume == null ? null : volume.size(), "size", "volume");
                    if (volume.count() < 1 || volume.count() > SampleConfig.MAX_COUNT) {
                        throw new SampleConfigException(at.of(volumePath + ".count"), volumePath + ".count: must be"
                                + " between 1 and " + SampleConfig.MAX_COUNT + ", got " + volume.count());
                    }
                }
            }
        }
    }

    private static void require(SampleConfigPositions at, String path, Object entry, Object value, String key,
                                String kind) throws SampleConfigException {
        if (entry == null) {
            throw new SampleConfigException(at.of(path), path + ": expected a " + kind + ", found nothing");
        }
        if (value == null) {
            throw new SampleConfigException(at.of(path), path + ": a " + kind + " needs '" + key + "'");
        }
    }

    private static String syntax(JsonProcessingException e, boolean json) {
        if (e instanceof JacksonYAMLParseException && e.getCause() instanceof MarkedYAMLException yaml) {
            return "not valid YAML: " + firstLine(yaml.getProblem());
        }
        return "not valid " + (json ? "JSON" : "YAML") + ": " + firstLine(e.getOriginalMessage());
    }

    // Jackson's own messages name Java classes; say the same thing in the file's terms.
    private static String explain(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown key; expected one of " + unknown.getKnownPropertyIds().stream().map(String::valueOf)
                    .sorted().collect(Collectors.joining(", "));
        }
        if (e instanceof InvalidFormatException format) {
            return "'" + format.getValue() + "' is not " + expected(format.getTargetType());
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "expected " + expected(mismatch.getTargetType());
        }
        return firstLine(e.getOriginalMessage());
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        List<JsonMappingException.Reference> references = e.getPath();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        if (e instanceof UnrecognizedPropertyException unknown
                && (references.isEmpty() || !unknown.getPropertyName().equals(references.get(references.size() - 1)
                .getFieldName()))) {
            path.append(path.length() == 0 ? "" : ".").append(unknown.getPropertyName());
        }
        return path.toString();
    }

    private static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "a mapping (key: value pairs)";
    }

    private static String firstLine(String message) {
        int nl = message == null ? -1 : message.indexOf('\n');
        return nl < 0 ? String.valueOf(message) : message.substring(0, nl);
    }
}
