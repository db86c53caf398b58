package org.cimforge.runtime.spi;

/**
 * What a CIM-level provider learns about the request it serves.
 *
 * @param namespace the target namespace, as the repository spells it
 * @param user      the authenticated user name, or null for anonymous access
 * @param host      the host name the server puts into the paths it returns
 */
public record CimOperationContext(String namespace, String user, String host) {
}
