package org.cimforge.runtime;

import org.metricshub.wbem.javax.wbem.WBEMException;

/** Factory for the WBEM errors providers and generated defaults raise. */
public final class CimErrors {
    /** DSP0200 status code CIM_ERR_NOT_SUPPORTED. */
    public static final int NOT_SUPPORTED = 7;
    /** DSP0200 status code CIM_ERR_METHOD_NOT_AVAILABLE. */
    public static final int METHOD_NOT_AVAILABLE = 16;

    private CimErrors() {
    }

    /** The error a generated default returns for an operation the provider did not implement. */
    public static WBEMException notSupported(String operation) {
        return new WBEMException(NOT_SUPPORTED, operation + " is not supported by this provider");
    }

    /** The error for an extrinsic method name the class does not have. */
    public static WBEMException methodNotAvailable(String method) {
        return new WBEMException(METHOD_NOT_AVAILABLE, "no method " + method);
    }
}
