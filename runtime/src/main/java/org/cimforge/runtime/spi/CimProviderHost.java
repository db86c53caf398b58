package org.cimforge.runtime.spi;

/**
 * What a provider framework (such as the job framework) needs from the server it is installed in: the classes it
 * serves, the registry to add providers to, and where to publish indications. {@code CimServer} is one; naming the
 * interface instead of the server keeps features below the server in the package order.
 */
public interface CimProviderHost {
    /** The class repository served (shared, safe for concurrent reads). */
    CimClassRepository repository();

    /** The provider registry; providers may be registered while the server runs. */
    CimProviderRegistry providers();

    /** Where providers publish indications; may change over time, so read it at each publication. */
    IndicationPublisher indications();
}
