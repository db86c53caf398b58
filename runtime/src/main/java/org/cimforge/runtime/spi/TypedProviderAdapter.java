package org.cimforge.runtime.spi;

import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.cimforge.runtime.provider.AssociationProvider;
import org.cimforge.runtime.CimErrors;
import org.cimforge.runtime.CimInstanceBase;
import org.cimforge.runtime.CimReference;
import org.cimforge.runtime.provider.InstanceProvider;
import org.cimforge.runtime.provider.InvocationContext;
import org.cimforge.runtime.provider.MethodProvider;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.WBEMException;

/**
 * Serves a generated, typed provider ({@link InstanceProvider}, {@link AssociationProvider}, {@link MethodProvider})
 * through the server's CIM-level SPI. Operations the typed provider leaves at their "not supported" default fall back
 * to what the CIM-level SPI can derive: GetInstance and References from the enumeration.
 */
final class TypedProviderAdapter implements CimAssociationProvider, CimMethodProvider {
    private final InstanceProvider<?> instances;
    private final MethodProvider methods;

    TypedProviderAdapter(InstanceProvider<?> instances, MethodProvider methods) {
        this.instances = instances;
        this.methods = methods;
    }

    static InvocationContext context(CimOperationContext context) {
        String user = context.user();
        Principal principal = user == null ? null : () -> user;
        return new InvocationContext(context.namespace(), principal);
    }

    @Override
    public List<CIMInstance> enumerateInstances(CimOperationContext context, String className) throws WBEMException {
        List<CIMInstance> result = new ArrayList<>();
        for (CimInstanceBase i : instances.enumerateInstances(context(context))) {
            result.add(i.toCimInstance());
        }
        return result;
    }

    /** Converts each typed instance as the server writes it, so only what the typed provider holds stays alive. */
    @Override
    public Stream<CIMInstance> streamInstances(CimOperationContext context, String className) throws WBEMException {
        return instances.streamInstances(context(context)).map(CimInstanceBase::toCimInstance);
    }

    @Override
    public List<CIMObjectPath> enumerateInstanceNames(CimOperationContext context, String className)
            throws WBEMException {
        List<CIMObjectPath> result = new ArrayList<>();
        for (CimReference<?> ref : instances.enumerateInstanceNames(context(context))) {
            result.add(ref.path());
        }
        return result;
    }

    /** Names the typed provider, which is what a log line about this adapter should point at. */
    @Override
    public String toString() {
        return instances != null ? instances.getClass().getName()
                : methods != null ? methods.getClass().getName() : "typed provider";
    }

    @Override
    public boolean nonBlocking() {
        return instances != null && instances.nonBlocking();
    }

    @Override
    public CIMInstance getInstance(CimOperationContext context, CIMObjectPath name) throws WBEMException {
        try {
            CimInstanceBase found = instances.getInstance(context(context), CimReference.of(name));
            return found == null ? null : found.toCimInstance();
        } catch (WBEMException e) {
            if (e.getID() != CimErrors.NOT_SUPPORTED) {
                throw e;
            }
            return CimAssociationProvider.super.getInstance(context, name);
        }
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public CIMObjectPath createInstance(CimOperationContext context, CIMInstance instance) throws WBEMException {
        InstanceProvider raw = instances;
        CimReference<?> created = raw.createInstance(context(context), (CimInstanceBase) raw.adapt(instance));
        return created == null ? instance.getObjectPath() : created.path();
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void modifyInstance(CimOperationContext context, CIMInstance instance, String[] propertyList)
            throws WBEMException {
        InstanceProvider raw = instances;
        raw.modifyInstance(context(context), (CimInstanceBase) raw.adapt(instance),
                propertyList == null ? null : Arrays.asList(propertyList));
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void deleteInstance(CimOperationContext context, CIMObjectPath name) throws WBEMException {
        InstanceProvider raw = instances;
        raw.deleteInstance(context(context), CimReference.of(name));
    }

    @Override
    public List<CIMInstance> references(CimOperationContext context, String associationClass, CIMObjectPath object,
                                        String role) throws WBEMException {
        if (instances instanceof AssociationProvider<?> association) {
            try {
                List<CIMInstance> result = new ArrayList<>();
                for (CimInstanceBase i : association.references(context(context), CimReference.of(object), role)) {
                    result.add(i.toCimInstance());
                }
                return result;
            } catch (WBEMException e) {
                if (e.getID() != CimErrors.NOT_SUPPORTED) {
                    throw e;
                }
            }
        }
        return CimAssociationProvider.super.references(context, associationClass, object, role);
    }

    @Override
    public CimMethodResult invokeMethod(CimOperationContext context, CIMObjectPath target, String methodName,
                                        List<CIMArgument<?>> inArguments) throws WBEMException {
        List<CIMArgument<?>> out = new ArrayList<>();
        Object returned = methods.invokeMethod(context(context), target, methodName,
                inArguments.toArray(new CIMArgument<?>[0]), out);
        return new CimMethodResult(returned, out);
    }
}
