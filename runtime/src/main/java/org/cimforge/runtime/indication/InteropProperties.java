package org.cimforge.runtime.indication;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMDateTimeAbsolute;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;
import org.metricshub.wbem.javax.wbem.WBEMException;

/**
 * Reading and building the properties of the interop objects clients create, with the CIM_ERR_INVALID_PARAMETER
 * answers for values of the wrong kind.
 */
final class InteropProperties {
    private InteropProperties() {
    }

    static WBEMException invalid(String message) {
        return new WBEMException(WBEMException.CIM_ERR_INVALID_PARAMETER, message);
    }

    /** The current time as a CIM datetime in UTC. */
    static CIMDateTimeAbsolute now(Clock clock) {
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyyMMddHHmmss.SSSSSS");
        return new CIMDateTimeAbsolute(f.format(clock.instant().atOffset(ZoneOffset.UTC)) + "+000");
    }

    static CIMProperty<String> keyProperty(String name, String value) {
        return new CIMProperty<>(name, CIMDataType.STRING_T, value, true, false, null);
    }

    static CIMProperty<UnsignedInteger16> uint16Property(String name, int value) {
        return new CIMProperty<>(name, CIMDataType.UINT16_T, new UnsignedInteger16(value));
    }

    static String string(CIMInstance i, String name) {
        Object v = InteropKeys.value(i.getProperties(), name);
        return v == null ? null : v.toString();
    }

    static int uint16(CIMInstance i, String name, int fallback) throws WBEMException {
        Object v = InteropKeys.value(i.getProperties(), name);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n) {
            return n.intValue();
        }
        throw invalid(name + " must be a number");
    }

    /** The Filter or Handler reference of a subscription instance. */
    static CIMObjectPath reference(CIMInstance i, String name) throws WBEMException {
        Object v = InteropKeys.value(i.getProperties(), name);
        if (v instanceof CIMObjectPath p) {
            return p;
        }
        throw invalid(name + " is required: a reference to the " + (name.equals("Filter") ? "indication filter"
                : "listener destination"));
    }

    /** The Filter or Handler key of a subscription path. */
    static CIMObjectPath key(CIMObjectPath path, String name) throws WBEMException {
        CIMProperty<?> k = path == null ? null : path.getKey(name);
        if (k == null) {
            for (CIMProperty<?> p : path == null ? new CIMProperty<?>[0] : path.getKeys()) {
                if (p.getName().equalsIgnoreCase(name)) {
                    k = p;
                }
            }
        }
        if (k != null && k.getValue() instanceof CIMObjectPath p) {
            return p;
        }
        throw invalid("the subscription path needs the key " + name);
    }

    static boolean isOneOf(String name, String... names) {
        for (String n : names) {
            if (n.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }
}
