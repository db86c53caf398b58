package org.cimforge.runtime.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.cim.UnsignedInteger32;
import org.metricshub.wbem.javax.wbem.CloseableIterator;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.EnumerateResponse;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;
import org.cimforge.runtime.CimClassInfo;
import org.cimforge.runtime.CimErrors;
import org.cimforge.runtime.CimInstanceBase;
import org.cimforge.runtime.CimReference;

/**
 * Base of generated client stubs: typed reads over a JSR48 {@link WBEMClient} for one class.
 *
 * @param <T> the generated instance class
 */
public class TypedClient<T extends CimInstanceBase> {
    private static final UnsignedInteger32 PULL_TIMEOUT_SECONDS = new UnsignedInteger32(60);
    private static final UnsignedInteger32 PULL_BATCH = new UnsignedInteger32(500);
    private static final int MAX_OUT_ARGUMENTS = 64;

    private final WBEMClient client;
    private final String namespace;
    private final CimClassInfo cimClass;
    private final Function<CIMInstance, T> adapter;
    private volatile boolean pullSupported = true;
    private volatile JobIndicationWaiter jobIndications;

    protected TypedClient(WBEMClient client, String namespace, CimClassInfo cimClass,
                          Function<CIMInstance, T> adapter) {
        this.client = client;
        this.namespace = namespace;
        this.cimClass = cimClass;
        this.adapter = adapter;
    }

    /** The underlying JSR48 client, for operations the stub does not cover. */
    public final WBEMClient client() {
        return client;
    }

    /** The namespace every call of this stub addresses. */
    public final String namespace() {
        return namespace;
    }

    /** The path of the class itself, the target of enumerations and static methods. */
    public final CIMObjectPath classPath() {
        return new CIMObjectPath(null, null, null, namespace, cimClass.name(), new CIMProperty<?>[0]);
    }

    /** Reads one instance. */
    public final T get(CimReference<? extends T> name) throws WBEMException {
        return adapter.apply(client.getInstance(inNamespace(name.path()), false, false, null));
    }

    /**
     * Creates an instance on the server (CreateInstance) and returns the path the server gave it. The instance's key
     * properties must be set; a refusal keeps the server's status code, with the operation and class added to the
     * message (for example CIM_ERR_ALREADY_EXISTS, CIM_ERR_INVALID_PARAMETER).
     */
    public final CimReference<T> create(T instance) throws WBEMException {
        CIMInstance raw = java.util.Objects.requireNonNull(instance, "instance").toCimInstance();
        CIMObjectPath path = raw.getObjectPath();
        // SBLIM's createInstance takes the namespace from the instance's path, so the path must name one.
        CIMObjectPath target = inNamespace(path != null ? path
                : new CIMObjectPath(null, null, null, namespace, raw.getClassName(), new CIMProperty<?>[0]));
        try {
            return CimReference.of(client.createInstance(new CIMInstance(target, raw.getProperties())));
        } catch (WBEMException e) {
            throw failed("CreateInstance", raw.getClassName(), e);
        }
    }

    /**
     * Changes the named properties of an instance on the server (ModifyInstance with that PropertyList) to the values
     * the instance holds; a named property the instance does not hold becomes NULL. With no names, every property the
     * instance carries is sent (PropertyList NULL). The instance must carry its path (as fetched instances and
     * {@code toBuilder()} copies do).
     */
    public final void modify(T instance, String... propertyNames) throws WBEMException {
        CIMInstance raw = java.util.Objects.requireNonNull(instance, "instance").toCimInstance();
        CIMObjectPath path = raw.getObjectPath();
        if (path == null || path.getKeys().length == 0) {
            throw new IllegalArgumentException("modify needs an instance with its path (keys); this "
                    + raw.getClassName() + " has none: fetch it first or build it from one");
        }
        String[] list = propertyNames == null || propertyNames.length == 0 ? null : propertyNames.clone();
        try {
            client.modifyInstance(new CIMInstance(inNamespace(path), raw.getProperties()), list);
        } catch (WBEMException e) {
            throw failed("ModifyInstance", path.toString(), e);
        }
    }

    /** Deletes an instance on the server (DeleteInstance); CIM_ERR_NOT_FOUND when it is not there. */
    public final void delete(CimReference<? extends T> name) throws WBEMException {
        CIMObjectPath path = java.util.Objects.requireNonNull(name, "name").path();
        try {
            client.deleteInstance(inNamespace(path));
        } catch (WBEMException e) {
            throw failed("DeleteInstance", path.toString(), e);
        }
    }

    /** The same status code, with what was attempted in front of the server's description. */
    private static WBEMException failed(String operation, String target, WBEMException e) {
        String detail = e.getMessage() == null ? "" : ": " + e.getMessage();
        WBEMException wrapped = new WBEMException(e.getID(), operation + " of " + target + " failed" + detail,
                e.getCIMErrors(), e);
        return wrapped;
    }

    /**
     * All instances of the class and its subclasses, using the pull operations and falling back to
     * EnumerateInstances when the server does not support them.
     */
    public final List<T> enumerate() throws WBEMException {
        List<CIMInstance> raw = new ArrayList<>();
        if (pullSupported) {
            try {
                pull(raw);
                return adapt(raw);
            } catch (WBEMException e) {
                if (e.getID() != CimErrors.NOT_SUPPORTED) {
                    throw e;
                }
                // Remember the answer so later calls go straight to the classic operation.
                pullSupported = false;
                raw.clear();
            }
        }
        drain(client.enumerateInstances(classPath(), true, false, false, null), raw);
        return adapt(raw);
    }

    private void pull(List<CIMInstance> into) throws WBEMException {
        EnumerateResponse<CIMInstance> response = client.enumerateInstances(classPath(), true, false, null, null,
                null, PULL_TIMEOUT_SECONDS, false, PULL_BATCH);
        drain(response.getResponses(), into);
        while (!response.isEnd()) {
            response = client.getInstancesWithPath(classPath(), response.getContext(), PULL_BATCH);
            drain(response.getResponses(), into);
        }
    }

    /** Objects associated with the given one, viewed through the adapter of their generated class. */
    public final <R> List<R> associators(CimReference<?> object, String assocClass, String resultClass, String role,
                                         String resultRole, Function<CIMInstance, R> resultAdapter)
            throws WBEMException {
        List<CIMInstance> raw = new ArrayList<>();
        drain(client.associatorInstances(inNamespace(object.path()), assocClass, resultClass, role, resultRole, false,
                null), raw);
        return raw.stream().map(resultAdapter).toList();
    }

    /** Instances of this (association) class that refer to the given object. */
    public final List<T> referencesTo(CimReference<?> object, String role) throws WBEMException {
        List<CIMInstance> raw = new ArrayList<>();
        drain(client.referenceInstances(inNamespace(object.path()), cimClass.name(), role, false, null), raw);
        return adapt(raw);
    }

    /** Invokes a method and hands the JSR48 return value and OUT arguments to the result factory. */
    protected final <R> R invoke(CIMObjectPath target, String method, CIMArgument<?>[] in,
                                 ResultFactory<R> factory) throws WBEMException {
        // The JSR48 client fills a caller-supplied array, so it must be larger than any method's OUT list.
        CIMArgument<?>[] out = new CIMArgument<?>[MAX_OUT_ARGUMENTS];
        Object returned = client.invokeMethod(inNamespace(target), method, in, out);
        List<CIMArgument<?>> filled = new ArrayList<>();
        for (CIMArgument<?> a : out) {
            if (a != null) {
                filled.add(a);
            }
        }
        return factory.create(returned, filled.toArray(new CIMArgument<?>[0]));
    }

    /**
     * Makes the {@code ...AndWait} methods wait for jobs by indication through the given waiter (which the
     * caller opens and closes, and may share between stubs); {@code null} returns to polling.
     */
    public final void useJobIndications(JobIndicationWaiter waiter) {
        this.jobIndications = waiter;
    }

    /**
     * Waits for a job a method started until it ends or the timeout passes: by indication when a waiter was
     * set with {@link #useJobIndications}, by polling its state otherwise.
     */
    protected final JobOutcome awaitJob(CimReference<?> job, Duration timeout) throws WBEMException {
        JobIndicationWaiter waiter = jobIndications;
        if (waiter != null) {
            return waiter.await(job, timeout);
        }
        return new JobWaiter(client, namespace).await(job, timeout);
    }

    private CIMObjectPath inNamespace(CIMObjectPath path) {
        if (path.getNamespace() != null && !path.getNamespace().isEmpty()) {
            return path;
        }
        return new CIMObjectPath(path.getScheme(), path.getHost(), path.getPort(), namespace, path.getObjectName(),
                path.getKeys());
    }

    private List<T> adapt(List<CIMInstance> raw) {
        return raw.stream().map(adapter).toList();
    }

    private static <E> void drain(CloseableIterator<E> iterator, List<? super E> into) throws WBEMException {
        try {
            while (iterator.hasNext()) {
                into.add(iterator.next());
            }
            WBEMException failure = iterator.getWBEMException();
            if (failure != null) {
                throw failure;
            }
        } finally {
            iterator.close();
        }
    }

    /** Builds a generated result from what InvokeMethod returned. */
    @FunctionalInterface
    protected interface ResultFactory<R> {
        R create(Object returnValue, CIMArgument<?>[] outArguments);
    }
}
