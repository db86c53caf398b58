package org.cimforge.runtime.provider;

import java.util.List;
import java.util.stream.Stream;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.cimforge.runtime.CimClassInfo;
import org.cimforge.runtime.CimErrors;
import org.cimforge.runtime.CimInstanceBase;
import org.cimforge.runtime.CimReference;

/**
 * Server-side instance operations for one CIM class; every operation defaults to "not supported",
 * so an implementation overrides only what it offers.
 *
 * @param <T> the generated instance class
 */
public interface InstanceProvider<T extends CimInstanceBase> {

    /** The schema facts of the class served. */
    CimClassInfo cimClass();

    /** The typed view of an instance a client sent (CreateInstance, ModifyInstance). */
    T adapt(CIMInstance instance);

    default List<T> enumerateInstances(InvocationContext context) throws WBEMException {
        throw CimErrors.notSupported("EnumerateInstances");
    }

    /**
     * The instances as a lazily made stream, which the server consumes while it writes the response
     * (EnumerateInstances) or across the pulls of an enumeration context. Override it to make each instance only
     * when it is written: then a large enumeration holds one instance at a time instead of all of them, which keeps
     * the garbage collector's work small. Errors raised while it is consumed should be unchecked. The default streams
     * the list of {@link #enumerateInstances}.
     */
    default Stream<T> streamInstances(InvocationContext context) throws WBEMException {
        return enumerateInstances(context).stream();
    }

    default List<CimReference<T>> enumerateInstanceNames(InvocationContext context) throws WBEMException {
        return enumerateInstances(context).stream().map(CimInstanceBase::<T>reference).toList();
    }

    default T getInstance(InvocationContext context, CimReference<T> name) throws WBEMException {
        throw CimErrors.notSupported("GetInstance");
    }

    /**
     * Whether {@link #getInstance} answers without waiting (from memory, no I/O, no lock that slow work holds);
     * when true the server runs GetInstance on the connection's I/O thread, saving two thread switches per request.
     * See {@link org.cimforge.runtime.spi.CimInstanceProvider#nonBlocking()}. The default is false.
     */
    default boolean nonBlocking() {
        return false;
    }

    default CimReference<T> createInstance(InvocationContext context, T instance) throws WBEMException {
        throw CimErrors.notSupported("CreateInstance");
    }

    /** Modifies the named properties (all when propertyList is null). */
    default void modifyInstance(InvocationContext context, T instance, List<String> propertyList)
            throws WBEMException {
        throw CimErrors.notSupported("ModifyInstance");
    }

    default void deleteInstance(InvocationContext context, CimReference<T> name) throws WBEMException {
        throw CimErrors.notSupported("DeleteInstance");
    }
}
