package org.cimforge.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;

/**
 * A typed object path: a JSR48 {@link CIMObjectPath} that names an instance of {@code T} (or of a
 * subclass, as CIM references allow).
 *
 * @param <T> the generated class of the referenced instance
 */
public final class CimReference<T> {
    private final CIMObjectPath path;

    private CimReference(CIMObjectPath path) {
        this.path = Objects.requireNonNull(path, "path");
    }

    /** Wraps an object path; the type parameter is taken on trust, as a server's reference is. */
    public static <T> CimReference<T> of(CIMObjectPath path) {
        return new CimReference<>(path);
    }

    /** A key-only path built from name/value pairs of the class's key properties (values in Java form). */
    public static <T> CimReference<T> ofKeys(CimClassInfo cimClass, String namespace, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys come as name/value pairs");
        }
        List<CIMProperty<?>> keys = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            PropertyInfo info = cimClass.properties().require((String) namesAndValues[i]);
            keys.add(new CIMProperty<>(info.name(), info.dataType(), Values.toCim(info.dataType(), namesAndValues[i + 1]),
                    true, false, null));
        }
        return new CimReference<>(new CIMObjectPath(null, null, null, namespace, cimClass.name(),
                keys.toArray(new CIMProperty<?>[0])));
    }

    /** The JSR48 object path. */
    public CIMObjectPath path() {
        return path;
    }

    /** The class named in the path (may be a subclass of {@code T}). */
    public String className() {
        return path.getObjectName();
    }

    /** The namespace of the path, or null for a local path. */
    public String namespace() {
        return path.getNamespace();
    }

    /** A key value in its Java form, or null when the path has no such key. */
    public Object keyValue(String keyName) {
        CIMProperty<?> key = path.getKey(keyName);
        return key == null ? null : Values.toJava(key.getDataType(), key.getValue());
    }

    /** The same path seen as a reference to another generated class (for example a subclass). */
    public <U> CimReference<U> as(Class<U> type) {
        Objects.requireNonNull(type, "type");
        return new CimReference<>(path);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CimReference<?> ref && path.equals(ref.path);
    }

    @Override
    public int hashCode() {
        return path.hashCode();
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
