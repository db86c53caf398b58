package org.cimforge.runtime.spi;

/**
 * What a CIM-level provider learns about the request it serves.
 *
 * @param namespace the target namespace, as the repository spells it
 * @param user      the authenticated user name, or null for anonymous access
 * @param host      the host name the server puts into the paths it returns
 * @param clientAddress the IP address the request came from, or null when not known (in-process calls)
 */
public record CimOperationContext(String namespace, String user, String host, String clientAddress) {
    /** A context whose client address is not known. */
    public CimOperationContext(String namespace, String user, String host) {
        this(namespace, user, host, null);
    }
}
