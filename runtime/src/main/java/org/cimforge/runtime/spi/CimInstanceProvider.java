package org.cimforge.runtime.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.WBEMException;

/**
 * Serves the instances of one or more classes at the javax.cim level. The server handles subclass fan-out,
 * PropertyList filtering and path completion; a provider only answers for the class it is asked about.
 *
 * <p>Failures are reported as {@link WBEMException} with a CIM status code; any other exception becomes
 * CIM_ERR_FAILED carrying its message.
 */
public interface CimInstanceProvider {
    /**
     * The instances of exactly {@code className} (the class this provider was registered for). Instance paths may
     * omit keys and namespace; the server fills them from the key properties.
     */
    List<CIMInstance> enumerateInstances(CimOperationContext context, String className) throws WBEMException;

    /**
     * The instances of exactly {@code className} as a lazily produced stream. The server consumes it while it writes
     * the response (EnumerateInstances) or across the pulls of an enumeration context (Open/Pull operations), so a
     * provider that overrides this can serve more instances than fit in memory. The default streams the list of
     * {@link #enumerateInstances}. The server closes the stream when it is done with it; errors raised while it is
     * consumed should be unchecked ({@link java.io.UncheckedIOException}, {@link IllegalStateException}, ...).
     */
    default Stream<CIMInstance> streamInstances(CimOperationContext context, String className) throws WBEMException {
        return enumerateInstances(context, className).stream();
    }

    /** The paths of the instances of {@code className}; by default derived from {@link #enumerateInstances}. */
    default List<CIMObjectPath> enumerateInstanceNames(CimOperationContext context, String className)
            throws WBEMException {
        List<CIMObjectPath> names = new ArrayList<>();
        for (CIMInstance i : enumerateInstances(context, className)) {
            names.add(i.getObjectPath());
        }
        return names;
    }

    /** One instance, or null when it does not exist; by default found by scanning {@link #enumerateInstances}. */
    default CIMInstance getInstance(CimOperationContext context, CIMObjectPath name) throws WBEMException {
        for (CIMInstance i : enumerateInstances(context, name.getObjectName())) {
            if (CimPaths.sameInstance(i.getObjectPath(), name) || CimPaths.keysMatch(i, name)) {
                return i;
            }
        }
        return null;
    }

    /**
     * Whether {@link #getInstance} answers without waiting: from memory, with no I/O, no remote call and no lock that
     * slow work holds. When true the server runs GetInstance for this provider on the connection's I/O thread
     * instead of handing it to a worker thread, which saves two thread switches per request (about half of the
     * server's CPU for a small request). A provider that says true and then waits holds up every other client on
     * that I/O thread meanwhile, and the server logs a warning when that happens. The server asks before each
     * GetInstance, so the answer may follow the provider's present state (false while a lock it needs is held). The
     * default is false.
     */
    default boolean nonBlocking() {
        return false;
    }

    /** Creates an instance and returns its path. */
    default CIMObjectPath createInstance(CimOperationContext context, CIMInstance instance) throws WBEMException {
        throw new WBEMException(WBEMException.CIM_ERR_NOT_SUPPORTED, "CreateInstance is not supported for "
                + instance.getClassName());
    }

    /**
     * Changes an instance; {@code propertyList} (null for all properties present in {@code instance}) names the
     * properties to update.
     */
    default void modifyInstance(CimOperationContext context, CIMInstance instance, String[] propertyList)
            throws WBEMException {
        throw new WBEMException(WBEMException.CIM_ERR_NOT_SUPPORTED, "ModifyInstance is not supported for "
                + instance.getClassName());
    }

    /** Deletes an instance. */
    default void deleteInstance(CimOperationContext context, CIMObjectPath name) throws WBEMException {
        throw new WBEMException(WBEMException.CIM_ERR_NOT_SUPPORTED, "DeleteInstance is not supported for "
                + name.getObjectName());
    }
}
