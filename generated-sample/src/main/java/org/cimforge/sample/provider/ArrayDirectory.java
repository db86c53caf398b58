package org.cimforge.sample.provider;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.cimforge.array.ArrayEngine;
import org.cimforge.array.model.StoragePool;
import org.cimforge.array.model.StorageSystem;
import org.cimforge.array.model.Synchronization;
import org.cimforge.array.model.Volume;
import org.cimforge.runtime.CimReference;

/**
 * Finds engine objects behind CIM paths and the system each object belongs to. It remembers the system of every
 * volume it has seen (engine ids are never reused), so a relationship or volume that was just deleted can still be
 * described under its vendor's class in a deletion indication.
 */
public final class ArrayDirectory {
    private final ArrayEngine engine;
    private final ArrayNames names;
    private final Map<String, String> systemOfVolume = new ConcurrentHashMap<>();

    /** A directory over {@code engine}. */
    public ArrayDirectory(ArrayEngine engine, ArrayNames names) {
        this.engine = engine;
        this.names = names;
        engine.storage().volumes().forEach(this::remember);
    }

    /** The engine. */
    public ArrayEngine engine() {
        return engine;
    }

    /** The key formats. */
    public ArrayNames names() {
        return names;
    }

    /** Records which system a volume belongs to. */
    public void remember(Volume volume) {
        systemOfVolume.put(volume.id(), volume.systemId());
    }

    /** The system with this id, or null. */
    public StorageSystem system(String systemId) {
        return systemId == null ? null : engine.storage().system(systemId).orElse(null);
    }

    /** The system a volume belongs (or belonged) to, or null when the volume was never seen. */
    public StorageSystem systemOfVolume(String volumeId) {
        String systemId = systemOfVolume.get(volumeId);
        if (systemId == null) {
            Optional<Volume> volume = engine.storage().volume(volumeId);
            volume.ifPresent(this::remember);
            systemId = volume.map(Volume::systemId).orElse(null);
        }
        return system(systemId);
    }

    /** The system that owns a relationship: its source's. */
    public StorageSystem systemOf(Synchronization pair) {
        StorageSystem system = systemOfVolume(pair.sourceId());
        return system != null ? system : systemOfVolume(pair.targetId());
    }

    /** The system that owns a pool. */
    public StorageSystem systemOf(StoragePool pool) {
        return system(pool.systemId());
    }

    /** Path of a volume, whichever system it is on (null if unknown). */
    public CimReference<org.cimforge.sample.bindings.cim.StorageVolume> volumePath(String volumeId) {
        StorageSystem system = systemOfVolume(volumeId);
        return system == null ? null : names.volume(system, volumeId);
    }

    // ------------------------------------------------------------------ from CIM paths back to engine objects

    /** The engine system a system path names, or null. */
    public StorageSystem systemFromPath(CimReference<?> path) {
        if (path == null || !inArrayNamespace(path)) {
            return null;
        }
        StorageSystem system = system(stringKey(path, "Name"));
        return system != null && ArrayNames.systemClass(system).equalsIgnoreCase(path.className()) ? system : null;
    }

    /** The engine system of a service path (its SystemName key), when the path names this system's service. */
    public StorageSystem systemOfService(CimReference<?> service) {
        if (service == null || !inArrayNamespace(service)) {
            return null;
        }
        return system(stringKey(service, "SystemName"));
    }

    /** The engine volume a volume path names (DeviceID, checked against its system), or null. */
    public Volume volumeFromPath(CimReference<?> path) {
        if (path == null || !inArrayNamespace(path)) {
            return null;
        }
        String id = stringKey(path, "DeviceID");
        Volume volume = id == null ? null : engine.storage().volume(id).orElse(null);
        if (volume == null || !volume.systemId().equals(stringKey(path, "SystemName"))) {
            return null;
        }
        return volume;
    }

    /** The engine pool a pool path names (InstanceID {@code CIMForge:<id>}), or null. */
    public StoragePool poolFromPath(CimReference<?> path) {
        String id = localId(path, "InstanceID");
        return id == null ? null : engine.storage().pool(id).orElse(null);
    }

    /** The engine group id a replication-group path names, or null. */
    public String groupIdFromPath(CimReference<?> path) {
        return localId(path, "InstanceID");
    }

    /** The relationship a StorageSynchronized / Synchronized path names (by its two volume keys), or null. */
    public Synchronization pairFromPath(CimReference<?> path) {
        if (path == null || !inArrayNamespace(path)) {
            return null;
        }
        Volume source = volumeFromPath(refKey(path, "SystemElement"));
        Volume target = volumeFromPath(refKey(path, "SyncedElement"));
        if (source == null || target == null) {
            return null;
        }
        for (Synchronization pair : engine.storage().relationshipsOf(source.id())) {
            if (pair.sourceId().equals(source.id()) && pair.targetId().equals(target.id())) {
                return pair;
            }
        }
        return null;
    }

    /**
     * True when a path names this array's namespace, or no namespace (the request's). The server lets through paths
     * into any namespace it serves; a volume path in {@code root/interop} names nothing here, and must not be read as
     * the volume of the same keys (issue 25).
     */
    public boolean inArrayNamespace(CimReference<?> path) {
        String ns = path.namespace();
        return ns == null || ns.isEmpty() || ns.equalsIgnoreCase(names.namespace());
    }

    private String localId(CimReference<?> path, String key) {
        String value = path == null || !inArrayNamespace(path) ? null : stringKey(path, key);
        String prefix = ArrayNames.ORG + ":";
        return value != null && value.startsWith(prefix) ? value.substring(prefix.length()) : null;
    }

    private static String stringKey(CimReference<?> path, String key) {
        Object value = path.keyValue(key);
        return value instanceof String s ? s : null;
    }

    private static CimReference<?> refKey(CimReference<?> path, String key) {
        Object value = path.keyValue(key);
        if (value instanceof CimReference<?> ref) {
            return ref;
        }
        if (value instanceof org.metricshub.wbem.javax.cim.CIMObjectPath p) {
            return CimReference.of(p);
        }
        return null;
    }
}
