package org.cimforge.runtime.spi;

import java.util.List;
import org.metricshub.wbem.javax.cim.CIMArgument;

/**
 * The outcome of an extrinsic method: its return value (converted to the declared return type when it is a number of
 * another Java type) and its OUT parameters.
 */
public record CimMethodResult(Object returnValue, List<CIMArgument<?>> outArguments) {
    /** Copies the list. */
    public CimMethodResult {
        outArguments = outArguments == null ? List.of() : List.copyOf(outArguments);
    }

    /** A result with a return value and no OUT parameters. */
    public static CimMethodResult of(Object returnValue) {
        return new CimMethodResult(returnValue, List.of());
    }
}
