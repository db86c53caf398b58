package org.cimforge.runtime.spi;

import org.metricshub.wbem.javax.wbem.WBEMException;

/**
 * Unchecked carrier for a CIM status code, for code that cannot throw {@link WBEMException} (lambdas, iterators,
 * request decoding); the server answers it as an ERROR element with that code.
 */
public final class CimErrorException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int code;

    /** An error with a CIM status code ({@code WBEMException.CIM_ERR_*}) and a description. */
    public CimErrorException(int code, String message) {
        super(message);
        this.code = code;
    }

    /** The same status and message as a checked WBEM exception. */
    public static CimErrorException of(WBEMException e) {
        return new CimErrorException(e.getID(), e.getMessage());
    }

    /** The CIM status code. */
    public int code() {
        return code;
    }
}
