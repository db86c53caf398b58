package org.cimforge.runtime.cimxml;

/**
 * A protocol-level failure: the request cannot be treated as a CIM operation, so the answer is an HTTP error status
 * with a {@code CIMError} header rather than an ERROR element.
 */
public final class CimXmlException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final String cimError;

    /** Creates a failure answered with the given HTTP status and CIMError header value (may be null). */
    public CimXmlException(int httpStatus, String cimError, String message) {
        super(message);
        this.httpStatus = httpStatus;
        this.cimError = cimError;
    }

    /** XML that is not well formed. */
    public static CimXmlException notWellFormed(String message) {
        return new CimXmlException(400, "request-not-well-formed", message);
    }

    /** Well-formed XML that does not follow the CIM-XML DTD. */
    public static CimXmlException notValid(String message) {
        return new CimXmlException(400, "request-not-valid", message);
    }

    /** HTTP headers that disagree with the body or are missing. */
    public static CimXmlException headerMismatch(String message) {
        return new CimXmlException(400, "header-mismatch", message);
    }

    /** The HTTP status to answer with. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The CIMError header value, or null for none. */
    public String cimError() {
        return cimError;
    }
}
