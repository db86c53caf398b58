package org.cimforge.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.cim.CIMValuedElement;

/**
 * Base of every generated instance class: an immutable typed view of one {@link CIMInstance} that
 * converts back to an equal {@code CIMInstance}.
 */
public abstract class CimInstanceBase extends TypedValues {
    private final CimClassInfo cimClass;
    private final CIMObjectPath path;
    /** The instance wrapped, given back as it is when no two of its properties share a name. */
    private final CIMInstance received;

    /** Wraps a received instance; its properties are kept as they are. */
    protected CimInstanceBase(CimClassInfo cimClass, CIMInstance instance) {
        super(List.of(instance.getProperties()));
        this.cimClass = Objects.requireNonNull(cimClass, "cimClass");
        this.path = instance.getObjectPath();
        this.received = distinctNames(instance.getProperties()) ? instance : null;
    }

    /** True when no two properties share a name (JSR48 keeps them sorted by name ignoring case: compare neighbours). */
    private static boolean distinctNames(CIMProperty<?>[] sorted) {
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i].getName().equalsIgnoreCase(sorted[i - 1].getName())) {
                return false;
            }
        }
        return true;
    }

    /** The schema facts of the generated class this instance is viewed as. */
    public final CimClassInfo cimClassInfo() {
        return cimClass;
    }

    /** The instance in its JSR48 form, equal to the one it was made from. */
    public final CIMInstance toCimInstance() {
        if (received != null) {
            return received;
        }
        List<CIMProperty<?>> properties = new ArrayList<>();
        for (CIMValuedElement<?> e : elements()) {
            properties.add((CIMProperty<?>) e);
        }
        return new CIMInstance(path, properties.toArray(new CIMProperty<?>[0]));
    }

    /** The instance's object path: the one it came with, which holds the key values. */
    public final <T> CimReference<T> reference() {
        return CimReference.of(path);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CimInstanceBase that && getClass() == that.getClass()
                && toCimInstance().equals(that.toCimInstance());
    }

    @Override
    public int hashCode() {
        return toCimInstance().hashCode();
    }

    /** The class's simple name and its non-NULL properties, e.g. {@code StorageVolume{DeviceID="v1", ...}}. */
    @Override
    public String toString() {
        return describe(null, null, null, cimClass.properties());
    }
}
