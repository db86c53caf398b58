package org.cimforge.sample;

import java.util.function.Consumer;
import org.cimforge.array.ArrayEngine;
import org.cimforge.array.EngineConfig;
import org.cimforge.array.Outcome;
import org.cimforge.array.VolumeRequest;
import org.cimforge.array.clock.ManualClock;
import org.cimforge.array.model.StoragePool;
import org.cimforge.array.model.StorageSystem;

/**
 * Creates a configuration's systems, pools and volumes in an empty array (the {@code initialSetup} of
 * {@link SampleOptions}); an array that already holds something is left as it is.
 */
public final class SampleConfigApplier implements Consumer<ArrayEngine> {
    private final SampleConfig config;
    private final SampleConfigPositions positions;
    private volatile boolean applied;

    /** Applies what {@code loaded} describes. */
    public SampleConfigApplier(SampleConfigLoader.Loaded loaded) {
        this.config = loaded.config();
        this.positions = loaded.positions();
    }

    /** Where the configuration came from (a file name, or the built-in sample). */
    public String source() {
        return positions.source();
    }

    /** True once the configuration has been created in an array (false when the array was not empty). */
    public boolean applied() {
        return applied;
    }

    @Override
    public void accept(ArrayEngine engine) {
        if (!engine.storage().systems().isEmpty()) {
            return;
        }
        try {
            apply(engine);
        } catch (SampleConfigException e) {
            // Consumer cannot throw checked exceptions; SampleMain finds the cause and prints its located message.
            throw new IllegalStateException(e.getMessage(), e);
        }
        applied = true;
    }

    /** Builds the configuration in a scratch in-memory array to find what the real one would refuse. */
    void dryRun() throws SampleConfigException {
        try (ArrayEngine scratch = ArrayEngine.open(EngineConfig.defaults().withClock(new ManualClock()))) {
            apply(scratch);
        }
    }

    private void apply(ArrayEngine engine) throws SampleConfigException {
        for (int s = 0; s < config.systems().size(); s++) {
            SampleConfig.SystemEntry entry = config.systems().get(s);
            String systemPath = "systems[" + s + "]";
            StorageSystem system = require(systemPath, "system", entry.name(),
                    engine.storage().createSystem(entry.name(), entry.capacity(), entry.essId()));
            for (int p = 0; p < entry.pools().size(); p++) {
                SampleConfig.PoolEntry poolEntry = entry.pools().get(p);
                String poolPath = systemPath + ".pools[" + p + "]";
                StoragePool pool = require(poolPath, "pool", poolEntry.name(), engine.storage().createPool(system.id(),
                        poolEntry.name(), poolEntry.size(), poolEntry.extentSize(), poolEntry.maxSubscriptionRatio()));
                for (int v = 0; v < poolEntry.volumes().size(); v++) {
                    SampleConfig.VolumeEntry volume = poolEntry.volumes().get(v);
                    for (int i = 0; i < volume.count(); i++) {
                        VolumeRequest request = new VolumeRequest(pool.id(), volume.nameOf(i), volume.size(),
                                volume.blockSize(), volume.provisioning(), volume.lss());
                        require(poolPath + ".volumes[" + v + "]", "volume", volume.nameOf(i),
                                engine.storage().createVolume(request));
                    }
                }
            }
        }
    }

    private <T> T require(String path, String kind, String name, Outcome<T> outcome) throws SampleConfigException {
        if (outcome instanceof Outcome.Refused<T> refused) {
            String what = name == null ? kind : kind + " '" + name + "'";
            throw new SampleConfigException(positions.of(path), path + ": " + what + ": " + refused.reason());
        }
        return outcome.value().orElseThrow();
    }
}
