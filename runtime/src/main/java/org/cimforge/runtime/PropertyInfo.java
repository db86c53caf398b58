package org.cimforge.runtime;

import org.jspecify.annotations.Nullable;
import org.metricshub.wbem.javax.cim.CIMDataType;

/**
 * The schema facts generated code records for one property or parameter: its CIM name, kind, array
 * shape, the referenced class of a reference, whether it is a key, whether MOF marks it Required, and
 * the generated ValueMap enum that reads its values (null when it has no ValueMap).
 */
public record PropertyInfo(String name, CimKind kind, boolean array, @Nullable String refClass, boolean key,
                           boolean required, @Nullable Class<? extends CimEnum> valueMap) {

    /** An element that is not Required and has no ValueMap. */
    public PropertyInfo(String name, CimKind kind, boolean array, @Nullable String refClass, boolean key) {
        this(name, kind, array, refClass, key, false, null);
    }

    /** The JSR48 data type values of this element are sent with. */
    public CIMDataType dataType() {
        return kind.dataType(array, refClass);
    }
}
