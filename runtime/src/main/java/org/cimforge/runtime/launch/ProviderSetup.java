package org.cimforge.runtime.launch;

import org.cimforge.runtime.provider.InstanceProvider;
import org.cimforge.runtime.spi.CimProviderRegistry;
import org.cimforge.runtime.store.CimInstanceStore;

/**
 * What a provider program registers its providers with before {@link ProviderServer} serves the namespace: the
 * namespace, the in-memory store that also holds the MOF's instances, and the provider registry.
 *
 * @param namespace the served namespace
 * @param store     the store of that namespace's instances (MOF instances are loaded into it after registration)
 * @param providers the registry the server answers from
 */
public record ProviderSetup(String namespace, CimInstanceStore store, CimProviderRegistry providers) {

    /** Serves a generated typed provider (and its methods, when it has any) in the namespace. */
    public ProviderSetup typed(InstanceProvider<?> provider) {
        providers.typed(namespace, provider);
        return this;
    }
}
