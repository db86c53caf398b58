package org.cimforge.runtime.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.cimforge.runtime.CimClassInfo;
import org.cimforge.runtime.CimInstanceBase;
import org.cimforge.runtime.CimReference;
import org.cimforge.runtime.provider.AssociationProvider;
import org.cimforge.runtime.provider.InvocationContext;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.wbem.WBEMException;

/**
 * A typed provider whose instances live in a {@link CimInstanceStore}: every operation of
 * {@link org.cimforge.runtime.provider.InstanceProvider} and {@link AssociationProvider} works out of the box, and a
 * subclass overrides just the ones it wants to change (check a value, refuse a delete, compute a property) and calls
 * {@code super} for the storage. Register it with {@code CimProviderRegistry.typed(namespace, provider)}.
 *
 * @param <T> the generated instance class
 */
public class InMemoryInstanceProvider<T extends CimInstanceBase> implements AssociationProvider<T> {
    private final CimInstanceStore store;
    private final CimClassInfo cimClass;
    private final Function<CIMInstance, T> adapter;
    private final boolean ownGetInstance;

    /**
     * A provider of {@code cimClass} (the generated class's schema facts) storing into {@code store}; {@code adapter}
     * is the generated class's constructor from a {@code CIMInstance}.
     */
    public InMemoryInstanceProvider(CimInstanceStore store, CimClassInfo cimClass, Function<CIMInstance, T> adapter) {
        this.store = Objects.requireNonNull(store, "store");
        this.cimClass = Objects.requireNonNull(cimClass, "cimClass");
        this.adapter = Objects.requireNonNull(adapter, "adapter");
        this.ownGetInstance = ownGetInstance() && store.nonBlocking();
    }

    /** The store behind this provider, for reading or writing instances outside a request. */
    public final CimInstanceStore store() {
        return store;
    }

    @Override
    public CimClassInfo cimClass() {
        return cimClass;
    }

    @Override
    public T adapt(CIMInstance instance) {
        return adapter.apply(instance);
    }

    @Override
    public List<T> enumerateInstances(InvocationContext context) throws WBEMException {
        return adaptAll(store.instances(context.namespace(), cimClass.name()));
    }

    /**
     * True while GetInstance is this class's own lookup in a store that answers from memory; a subclass that overrides
     * {@link #getInstance} may do work that waits, so there it is false unless the subclass overrides this too.
     */
    @Override
    public boolean nonBlocking() {
        return ownGetInstance;
    }

    private boolean ownGetInstance() {
        try {
            return getClass().getMethod("getInstance", InvocationContext.class, CimReference.class)
                    .getDeclaringClass() == InMemoryInstanceProvider.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    @Override
    public T getInstance(InvocationContext context, CimReference<T> name) throws WBEMException {
        CIMInstance found = store.get(context.namespace(), name.path());
        return found == null ? null : adapter.apply(found);
    }

    @Override
    public CimReference<T> createInstance(InvocationContext context, T instance) throws WBEMException {
        return CimReference.of(store.create(context.namespace(), instance.toCimInstance()));
    }

    @Override
    public void modifyInstance(InvocationContext context, T instance, List<String> propertyList)
            throws WBEMException {
        store.modify(context.namespace(), instance.toCimInstance(),
                propertyList == null ? null : propertyList.toArray(new String[0]));
    }

    @Override
    public void deleteInstance(InvocationContext context, CimReference<T> name) throws WBEMException {
        store.delete(context.namespace(), name.path());
    }

    @Override
    public List<T> references(InvocationContext context, CimReference<?> object, String role) throws WBEMException {
        return adaptAll(store.references(context.namespace(), cimClass.name(), object.path(), role));
    }

    private List<T> adaptAll(List<CIMInstance> raw) {
        List<T> result = new ArrayList<>(raw.size());
        for (CIMInstance i : raw) {
            result.add(adapter.apply(i));
        }
        return result;
    }
}
