package org.cimforge.runtime.server.dispatch;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.cimforge.mof.model.CimClass;
import org.cimforge.runtime.cimxml.CimXmlDecoder;
import org.cimforge.runtime.spi.CimClassRepository;
import org.cimforge.runtime.spi.CimErrorException;
import org.cimforge.runtime.spi.CimInstanceProvider;
import org.cimforge.runtime.spi.CimOperationContext;
import org.cimforge.runtime.spi.CimProviderRegistry;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.wbem.WBEMException;

/**
 * What every operation family shares: the class and namespace checks, the provider look-up along the class lineage,
 * fetching one instance, fanning an enumeration out over the subclasses, and completing the paths providers return.
 */
final class OperationSupport {
    final CimClassRepository repository;
    final CimProviderRegistry providers;
    final CimXmlDecoder decoder;

    OperationSupport(CimClassRepository repository, CimProviderRegistry providers) {
        this.repository = repository;
        this.providers = providers;
        this.decoder = new CimXmlDecoder(repository);
    }

    static CimErrorException invalidParameter(String message) {
        return new CimErrorException(WBEMException.CIM_ERR_INVALID_PARAMETER, message);
    }

    /** Runs a decoder call, answering what it rejects as CIM_ERR_INVALID_PARAMETER. */
    static <T> T decode(Supplier<T> action) {
        try {
            return action.get();
        } catch (IllegalArgumentException e) {
            throw invalidParameter(e.getMessage());
        }
    }

    /** At most 60 characters of a client's text, for error descriptions that quote it. */
    static String abbreviate(String s) {
        return s == null || s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }

    static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    static String describe(Throwable e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** Refuses a namespace this server does not serve. */
    void requireNamespace(OperationRequest req) {
        if (repository.canonicalNamespace(req.namespace) == null) {
            throw new CimErrorException(WBEMException.CIM_ERR_INVALID_NAMESPACE,
                    "namespace " + req.namespace + " is not served");
        }
    }

    CimClass requireClass(OperationRequest req, String className) {
        CimClass c = repository.modelClass(req.namespace, className);
        if (c == null) {
            throw new CimErrorException(WBEMException.CIM_ERR_INVALID_CLASS,
                    "class " + className + " is not defined in " + req.namespace);
        }
        return c;
    }

    /**
     * A ResultClass of an instance-level traversal may live in another namespace than the source object: SMI-S
     * clients ask {@code Associators(profile in root/interop, ResultClass=CIM_ComputerSystem)} and the systems are
     * served elsewhere. So it only has to be defined in some namespace of this server.
     */
    void requireResultClass(OperationRequest req, String className) {
        if (repository.modelClass(req.namespace, className) != null) {
            return;
        }
        for (String namespace : repository.namespaces()) {
            if (repository.modelClass(namespace, className) != null) {
                return;
            }
        }
        requireClass(req, className);
    }

    /** The namespace a returned path lives in: its own when it names one, else the request's. */
    static String namespaceOf(OperationRequest req, CIMObjectPath path) {
        String ns = path.getNamespace();
        return ns == null || ns.isEmpty() ? req.namespace : ns;
    }

    /** The instance provider for a class: its own, or the nearest ancestor's. */
    CimInstanceProvider providerFor(OperationRequest req, CimClass c) {
        for (CimClass k : c.lineage()) {
            CimInstanceProvider p = providers.instanceProvider(req.namespace, k.name().spelling());
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    CimInstanceProvider requireProvider(OperationRequest req, CimClass c) {
        CimInstanceProvider p = providerFor(req, c);
        if (p == null) {
            throw new CimErrorException(WBEMException.CIM_ERR_NOT_SUPPORTED,
                    "no provider serves instances of " + c.name().spelling());
        }
        return p;
    }

    /** One instance by path, completed; CIM_ERR_NOT_FOUND when no provider has it. */
    CIMInstance fetch(OperationRequest req, CIMObjectPath name) throws WBEMException {
        CimClass c = requireClass(req, name.getObjectName());
        CimInstanceProvider p = providerFor(req, c);
        CIMInstance found = p == null ? null : getInstance(p, req, name);
        if (found == null) {
            throw new CimErrorException(WBEMException.CIM_ERR_NOT_FOUND, "no instance " + name);
        }
        return complete(req, found);
    }

    private CIMInstance getInstance(CimInstanceProvider p, OperationRequest req, CIMObjectPath name)
            throws WBEMException {
        if (!req.onIoThread) {
            return p.getInstance(req.context, name);
        }
        long start = System.nanoTime();
        try {
            return p.getInstance(req.context, name);
        } finally {
            slowNonBlocking.check(p, System.nanoTime() - start);
        }
    }

    private final SlowNonBlockingProviders slowNonBlocking = new SlowNonBlockingProviders();

    /**
     * The instances of a class and all its subclasses as one lazy sequence over the providers' streams (each
     * subclass from its own provider; a provider registered only for an ancestor serves the whole subtree). The
     * streams are opened here, so a provider that refuses fails the operation before anything is written.
     */
    InstanceSource collect(OperationRequest req, CimClass base) throws WBEMException {
        return collect(req, base, false);
    }

    /**
     * The instances of {@code base} and its subclasses; with {@code namesOnly}, a provider that answers
     * {@link CimInstanceProvider#enumerateInstanceNames} itself gives its names (as instances without properties)
     * instead of building every instance only for its path. One that does not is read through its instances, so a
     * provider that streams more instances than fit in memory keeps working for names too.
     */
    InstanceSource collect(OperationRequest req, CimClass base, boolean namesOnly) throws WBEMException {
        List<CimClass> classes = new ArrayList<>();
        classes.add(base);
        classes.addAll(repository.schema(req.namespace).allSubclasses(base.name().spelling()));
        List<Stream<CIMInstance>> streams = new ArrayList<>();
        try {
            for (CimClass c : classes) {
                CimInstanceProvider p = providers.instanceProvider(req.namespace, c.name().spelling());
                if (p != null) {
                    streams.add(source(p, req, c.name().spelling(), namesOnly));
                }
            }
            if (streams.isEmpty()) {
                CimInstanceProvider p = providerFor(req, base);
                if (p != null) {
                    streams.add(source(p, req, base.name().spelling(), namesOnly));
                }
            }
        } catch (WBEMException | RuntimeException e) {
            streams.forEach(Stream::close);
            throw e;
        }
        return new InstanceSource(streams, i -> complete(req, i));
    }

    private static final CIMProperty<?>[] NO_PROPERTIES = new CIMProperty<?>[0];

    private static Stream<CIMInstance> source(CimInstanceProvider p, OperationRequest req, String className,
            boolean namesOnly) throws WBEMException {
        if (namesOnly && NamesOfTheirOwn.answers(p)) {
            return p.enumerateInstanceNames(req.context, className).stream()
                    .map(path -> new CIMInstance(path, NO_PROPERTIES));
        }
        return p.streamInstances(req.context, className);
    }

    /** Whether a provider's class overrides {@link CimInstanceProvider#enumerateInstanceNames} (looked up once). */
    private static final class NamesOfTheirOwn extends ClassValue<Boolean> {
        private static final NamesOfTheirOwn CACHE = new NamesOfTheirOwn();

        static boolean answers(CimInstanceProvider p) {
            return CACHE.get(p.getClass());
        }

        @Override
        protected Boolean computeValue(Class<?> type) {
            try {
                return type.getMethod("enumerateInstanceNames", CimOperationContext.class, String.class)
                        .getDeclaringClass() != CimInstanceProvider.class;
            } catch (NoSuchMethodException e) {
                return false;
            }
        }
    }

    /** Fills the namespace and keys of an instance's path from its class definition. */
    CIMInstance complete(OperationRequest req, CIMInstance i) {
        CIMObjectPath p = i.getObjectPath();
        CIMProperty<?>[] keys = p == null ? new CIMProperty<?>[0] : p.getKeys();
        boolean hasNs = p != null && p.getNamespace() != null && !p.getNamespace().isEmpty();
        if (keys.length > 0 && hasNs) {
            return i;
        }
        if (keys.length == 0) {
            CimClass c = repository.modelClass(req.namespace, i.getClassName());
            List<CIMProperty<?>> derived = new ArrayList<>();
            if (c != null) {
                for (org.cimforge.mof.model.CimProperty k : c.keys()) {
                    CIMProperty<?> v = i.getProperty(k.name().spelling());
                    if (v != null) {
                        derived.add(new CIMProperty<>(v.getName(), v.getDataType(), v.getValue(), true, false, null));
                    }
                }
            } else {
                for (CIMProperty<?> v : i.getProperties()) {
                    if (v.isKey()) {
                        derived.add(v);
                    }
                }
            }
            keys = derived.toArray(new CIMProperty<?>[0]);
        }
        CIMObjectPath full = new CIMObjectPath(null, p == null ? null : p.getHost(), null, req.namespace,
                i.getClassName(), keys);
        return new CIMInstance(full, i.getProperties());
    }
}
