package org.cimforge.runtime.indication;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cimforge.runtime.spi.CimInstanceProvider;
import org.cimforge.runtime.spi.CimOperationContext;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.WBEMException;

/**
 * The CIM-level provider of CIM_IndicationFilter, CIM_ListenerDestination(CIMXML) and CIM_IndicationSubscription in
 * the interop namespace; every operation goes to the {@link SubscriptionRegistry}.
 */
final class InteropObjectProvider implements CimInstanceProvider {
    private final SubscriptionRegistry registry;

    InteropObjectProvider(SubscriptionRegistry registry) {
        this.registry = registry;
    }

    private enum Family { FILTER, DESTINATION, SUBSCRIPTION }

    private static Family family(String className) throws WBEMException {
        return switch (className.toLowerCase(Locale.ROOT)) {
            case "cim_indicationfilter" -> Family.FILTER;
            case "cim_listenerdestination", "cim_listenerdestinationcimxml" -> Family.DESTINATION;
            case "cim_abstractindicationsubscription", "cim_indicationsubscription" -> Family.SUBSCRIPTION;
            default -> throw new WBEMException(WBEMException.CIM_ERR_NOT_SUPPORTED, "no indication support for "
                    + className);
        };
    }

    @Override
    public List<CIMInstance> enumerateInstances(CimOperationContext context, String className) throws WBEMException {
        List<CIMInstance> all = new ArrayList<>();
        switch (family(className)) {
            case FILTER -> registry.filters().forEach(f -> all.add(f.instance()));
            case DESTINATION -> registry.destinations().forEach(d -> all.add(d.instance()));
            case SUBSCRIPTION -> registry.subscriptions().forEach(s -> all.add(s.instance()));
        }
        // A provider answers for exactly the class it is asked about; the server merges subclasses.
        all.removeIf(i -> !i.getClassName().equalsIgnoreCase(className));
        return all;
    }

    @Override
    public CIMInstance getInstance(CimOperationContext context, CIMObjectPath name) throws WBEMException {
        try {
            CIMInstance found = switch (family(name.getObjectName())) {
                case FILTER -> registry.findFilter(name).instance();
                case DESTINATION -> registry.findDestination(name).instance();
                case SUBSCRIPTION -> registry.findSubscription(name).instance();
            };
            return found;
        } catch (WBEMException e) {
            if (e.getID() == WBEMException.CIM_ERR_NOT_FOUND) {
                return null;
            }
            throw e;
        }
    }

    @Override
    public CIMObjectPath createInstance(CimOperationContext context, CIMInstance instance) throws WBEMException {
        return switch (family(instance.getClassName())) {
            case FILTER -> registry.createFilter(instance, context.user());
            case DESTINATION -> registry.createDestination(instance, context.clientAddress(), context.user());
            case SUBSCRIPTION -> {
                if (instance.getClassName().equalsIgnoreCase(SubscriptionRegistry.ABSTRACT_SUBSCRIPTION_CLASS)) {
                    throw new WBEMException(WBEMException.CIM_ERR_NOT_SUPPORTED, "create a "
                            + SubscriptionRegistry.SUBSCRIPTION_CLASS + ", not the abstract "
                            + instance.getClassName());
                }
                yield registry.createSubscription(instance, context.user());
            }
        };
    }

    @Override
    public void modifyInstance(CimOperationContext context, CIMInstance instance, String[] propertyList)
            throws WBEMException {
        if (family(instance.getClassName()) != Family.SUBSCRIPTION) {
            throw new WBEMException(WBEMException.CIM_ERR_NOT_SUPPORTED, instance.getClassName()
                    + " cannot be modified; delete it and create it anew");
        }
        registry.modifySubscription(instance, propertyList);
    }

    @Override
    public void deleteInstance(CimOperationContext context, CIMObjectPath name) throws WBEMException {
        switch (family(name.getObjectName())) {
            case FILTER -> registry.deleteFilter(name);
            case DESTINATION -> registry.deleteDestination(name);
            case SUBSCRIPTION -> registry.deleteSubscription(name);
        }
    }
}
