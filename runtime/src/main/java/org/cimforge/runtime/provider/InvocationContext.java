package org.cimforge.runtime.provider;

import java.security.Principal;

/**
 * What a provider learns about the request it serves: the target namespace and the authenticated
 * principal (null when the server runs without authentication).
 */
public record InvocationContext(String namespace, Principal principal) {
}
