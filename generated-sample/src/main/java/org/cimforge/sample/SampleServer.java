package org.cimforge.sample;

import org.cimforge.array.ArrayEngine;

/**
 * The sample SMI-S array provider as one object: the simulated array, the CIM-XML server with its job framework and
 * indication delivery, and the providers generated from this module's MOF, serving namespace {@value #NAMESPACE}.
 */
public final class SampleServer implements AutoCloseable {
    /** The namespace the array's classes are served in. */
    public static final String NAMESPACE = "root/cimforge";

    private SampleServer() {
    }

    /** Opens the array (creating its initial contents when it is empty) and starts serving. */
    public static SampleServer start(SampleOptions options) throws Exception {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The HTTP base URL (e.g. {@code http://127.0.0.1:5988}), or null when HTTP is off. */
    public String httpUrl() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The HTTPS base URL, or null when HTTPS is off. */
    public String httpsUrl() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The simulated array behind the providers. */
    public ArrayEngine engine() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Stops serving (letting requests in flight finish), then closes the array so nothing acknowledged is lost. */
    @Override
    public void close() throws java.io.IOException {
    }
}
