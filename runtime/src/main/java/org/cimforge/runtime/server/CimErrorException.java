package org.cimforge.runtime.server;

import org.metricshub.wbem.javax.wbem.WBEMException;

/** Unchecked carrier for a CIM status code raised inside the dispatcher. */
final class CimErrorException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int code;

    CimErrorException(int code, String message) {
        super(message);
        this.code = code;
    }

    static CimErrorException of(WBEMException e) {
        return new CimErrorException(e.getID(), e.getMessage());
    }
}
