package org.cimforge.runtime.server;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Providers registered per namespace and class (names compared ignoring case). Safe for concurrent use. */
public final class CimProviderRegistry {
    private final Map<String, CimInstanceProvider> instanceProviders = new ConcurrentHashMap<>();
    private final Map<String, CimMethodProvider> methodProviders = new ConcurrentHashMap<>();

    private static String key(String namespace, String className) {
        return namespace.toLowerCase(Locale.ROOT) + ":" + className.toLowerCase(Locale.ROOT);
    }

    /** Registers the instance (or association) provider of one class; it replaces any earlier one. */
    public CimProviderRegistry instances(String namespace, String className, CimInstanceProvider provider) {
        instanceProviders.put(key(namespace, className), provider);
        return this;
    }

    /** Registers the method provider of one class; subclasses without their own use it too. */
    public CimProviderRegistry methods(String namespace, String className, CimMethodProvider provider) {
        methodProviders.put(key(namespace, className), provider);
        return this;
    }

    /** The instance provider registered for exactly this class, or null. */
    public CimInstanceProvider instanceProvider(String namespace, String className) {
        return instanceProviders.get(key(namespace, className));
    }

    /** The method provider registered for exactly this class, or null. */
    public CimMethodProvider methodProvider(String namespace, String className) {
        return methodProviders.get(key(namespace, className));
    }
}
