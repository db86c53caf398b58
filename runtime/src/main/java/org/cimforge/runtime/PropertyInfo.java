package org.cimforge.runtime;

import org.metricshub.wbem.javax.cim.CIMDataType;

/**
 * The schema facts generated code records for one property or parameter: its CIM name, kind, array
 * shape, the referenced class of a reference, and whether it is a key.
 */
public record PropertyInfo(String name, CimKind kind, boolean array, String refClass, boolean key) {

    /** The JSR48 data type values of this element are sent with. */
    public CIMDataType dataType() {
        return kind.dataType(array, refClass);
    }
}
