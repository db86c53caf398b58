package org.cimforge.runtime.provider;

import java.util.List;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.cimforge.runtime.CimErrors;
import org.cimforge.runtime.CimInstanceBase;
import org.cimforge.runtime.CimReference;

/**
 * Server-side traversal for an association class: the association instances that refer to an
 * object, and the objects at their other ends. Defaults are "not supported".
 *
 * @param <T> the generated association class
 */
public interface AssociationProvider<T extends CimInstanceBase> extends InstanceProvider<T> {

    /** Association instances that refer to the object, optionally only through the given role. */
    default List<T> references(InvocationContext context, CimReference<?> object, String role) throws WBEMException {
        throw CimErrors.notSupported("References");
    }

    /** Paths of the objects associated with the given one through this association. */
    default List<CimReference<?>> associatorNames(InvocationContext context, CimReference<?> object, String role,
                                                  String resultRole, String resultClass) throws WBEMException {
        throw CimErrors.notSupported("AssociatorNames");
    }
}
