package org.cimforge.runtime.spi;

import java.util.ArrayList;
import java.util.List;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.wbem.WBEMException;

/**
 * Serves an association class. Registering a plain {@link CimInstanceProvider} for an association class works too;
 * implementing this interface lets a provider answer {@link #references} without listing every association.
 */
public interface CimAssociationProvider extends CimInstanceProvider {
    /**
     * The instances of association class {@code associationClass} that refer to {@code object}, through the
     * reference property named {@code role} when it is not null.
     */
    default List<CIMInstance> references(CimOperationContext context, String associationClass, CIMObjectPath object,
                                         String role) throws WBEMException {
        List<CIMInstance> result = new ArrayList<>();
        for (CIMInstance assoc : enumerateInstances(context, associationClass)) {
            if (refersTo(assoc, object, role)) {
                result.add(assoc);
            }
        }
        return result;
    }

    /** Whether a reference property of {@code association} (the one named {@code role}, if given) is {@code object}. */
    static boolean refersTo(CIMInstance association, CIMObjectPath object, String role) {
        for (CIMProperty<?> p : association.getProperties()) {
            if (p.getValue() instanceof CIMObjectPath ref && (role == null || role.equalsIgnoreCase(p.getName()))
                    && CimPaths.sameInstance(ref, object)) {
                return true;
            }
        }
        return false;
    }
}
