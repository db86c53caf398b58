package org.cimforge.sample;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.cimforge.array.StorageConfiguration;
import org.cimforge.array.model.Provisioning;

/**
 * What a {@code --config} file describes: the storage systems, pools and volumes an empty array starts with.
 * Constructors only fill in defaults; {@link SampleConfigLoader} checks what is required, so that a misspelt key is
 * reported as unknown rather than as a missing one.
 *
 * @param systems the storage systems, in creation order (null when the file has no {@code systems} key)
 */
public record SampleConfig(List<SystemEntry> systems) {
    /** The most volumes one entry may ask for with {@code count}. */
    public static final int MAX_COUNT = 100_000;

    /** Copies. */
    public SampleConfig {
        systems = systems == null ? null : copy(systems);
    }

    /** Number of volumes the file asks for, counting {@code count}. */
    public int volumeCount() {
        return systems == null ? 0 : systems.stream().flatMap(s -> s.pools().stream())
                .flatMap(p -> p.volumes().stream()).mapToInt(VolumeEntry::count).sum();
    }

    /**
     * A storage system.
     *
     * @param name     ElementName (null lets the array choose)
     * @param capacity raw capacity in bytes that pools are carved from
     * @param essId    IBM ESS identifier such as {@code 2105.FA120}, needed for async PPRC sessions; may be null
     * @param pools    its pools
     */
    public record SystemEntry(String name, @JsonDeserialize(using = SampleConfigSizeReader.class) Long capacity,
                              String essId, List<PoolEntry> pools) {
        /** Fills in defaults. */
        public SystemEntry {
            pools = copy(pools);
        }
    }

    /**
     * A storage pool.
     *
     * @param name                 ElementName (null lets the array choose)
     * @param size                 bytes taken from the system
     * @param extentSize           allocation unit (default 1 MiB)
     * @param maxSubscriptionRatio how far thin volumes may over-subscribe the pool (default 4)
     * @param volumes              its volumes
     */
    public record PoolEntry(String name, @JsonDeserialize(using = SampleConfigSizeReader.class) Long size,
                            @JsonDeserialize(using = SampleConfigSizeReader.class) Long extentSize,
                            Double maxSubscriptionRatio, List<VolumeEntry> volumes) {
        /** Fills in defaults. */
        public PoolEntry {
            extentSize = extentSize == null ? StorageConfiguration.DEFAULT_EXTENT_BYTES : extentSize;
            maxSubscriptionRatio = maxSubscriptionRatio == null ? StorageConfiguration.DEFAULT_SUBSCRIPTION_RATIO
                    : maxSubscriptionRatio;
            volumes = copy(volumes);
        }
    }

    /**
     * One or more storage volumes.
     *
     * @param name         ElementName; with a count above 1, {@code -1}, {@code -2}, ... is appended
     * @param size         bytes (rounded up to whole pool extents)
     * @param provisioning thick (default) or thin
     * @param blockSize    512 (default) or 4096
     * @param lss          IBM ESS logical subsystem (1 to 4 hex digits), for async PPRC sessions; may be null
     * @param count        how many such volumes (default 1)
     */
    public record VolumeEntry(String name, @JsonDeserialize(using = SampleConfigSizeReader.class) Long size,
                              Provisioning provisioning, Long blockSize, String lss, Integer count) {
        /** Fills in defaults. */
        public VolumeEntry {
            provisioning = provisioning == null ? Provisioning.THICK : provisioning;
            blockSize = blockSize == null ? 512L : blockSize;
            count = count == null ? 1 : count;
        }

        /** The name of the {@code index}-th (0-based) volume of this entry. */
        public String nameOf(int index) {
            return name == null || count == 1 ? name : name + "-" + (index + 1);
        }
    }

    // Keeps null items (a bare "-" in YAML) so the loader can report them with their position.
    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }
}
