package org.cimforge.runtime.spi;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.cimforge.runtime.provider.InstanceProvider;
import org.cimforge.runtime.provider.MethodProvider;

/** Providers registered per namespace and class (names compared ignoring case). Safe for concurrent use. */
public final class CimProviderRegistry {
    private final Map<String, CimInstanceProvider> instanceProviders = new ConcurrentHashMap<>();
    private final Map<String, CimMethodProvider> methodProviders = new ConcurrentHashMap<>();

    /**
     * Look-ups by namespace and class as spelled (the server passes the served namespace's and the model class's own
     * strings, whose hashes are computed once), so a request's several look-ups skip building a lower-cased key.
     * Misses are remembered too (the server asks up a class's lineage); bounded. Every registration starts a new map
     * after its change, so a look-up racing with it can only fill a map that is already out of use.
     */
    private volatile Map<Spelling, Optional<CimInstanceProvider>> instancesBySpelling = new ConcurrentHashMap<>();
    private static final int MAX_SPELLINGS = 4096;

    private record Spelling(String namespace, String className) {
    }

    private static String key(String namespace, String className) {
        return namespace.toLowerCase(Locale.ROOT) + ":" + className.toLowerCase(Locale.ROOT);
    }

    /** Registers the instance (or association) provider of one class; it replaces any earlier one. */
    public CimProviderRegistry instances(String namespace, String className, CimInstanceProvider provider) {
        instanceProviders.put(key(namespace, className), provider);
        instancesBySpelling = new ConcurrentHashMap<>();
        return this;
    }

    /** Registers the method provider of one class; subclasses without their own use it too. */
    public CimProviderRegistry methods(String namespace, String className, CimMethodProvider provider) {
        methodProviders.put(key(namespace, className), provider);
        return this;
    }

    /**
     * Registers a generated, typed provider for the class it declares ({@link InstanceProvider#cimClass()}): its
     * instance (and association) operations, and its extrinsic methods when it is also a {@link MethodProvider}.
     */
    public CimProviderRegistry typed(String namespace, InstanceProvider<?> provider) {
        MethodProvider methods = provider instanceof MethodProvider m ? m : null;
        TypedProviderAdapter adapter = new TypedProviderAdapter(provider, methods);
        String className = provider.cimClass().name();
        instances(namespace, className, adapter);
        if (methods != null) {
            methods(namespace, className, adapter);
        }
        return this;
    }

    /** Registers a typed method provider (for example of a class whose instances another provider serves). */
    public CimProviderRegistry typedMethods(String namespace, String className, MethodProvider provider) {
        return methods(namespace, className, new TypedProviderAdapter(null, provider));
    }

    /** The instance provider registered for exactly this class, or null. */
    public CimInstanceProvider instanceProvider(String namespace, String className) {
        Map<Spelling, Optional<CimInstanceProvider>> remembered = instancesBySpelling;
        Spelling spelling = new Spelling(namespace, className);
        Optional<CimInstanceProvider> known = remembered.get(spelling);
        if (known != null) {
            return known.orElse(null);
        }
        CimInstanceProvider p = instanceProviders.get(key(namespace, className));
        if (remembered.size() < MAX_SPELLINGS) {
            remembered.put(spelling, Optional.ofNullable(p));
        }
        return p;
    }

    /** The method provider registered for exactly this class, or null. */
    public CimMethodProvider methodProvider(String namespace, String className) {
        return methodProviders.get(key(namespace, className));
    }
}
