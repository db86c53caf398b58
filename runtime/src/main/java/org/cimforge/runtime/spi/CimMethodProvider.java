package org.cimforge.runtime.spi;

import java.util.List;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.WBEMException;

/** Runs extrinsic methods of a class (and, unless another provider claims them, of its subclasses). */
public interface CimMethodProvider {
    /**
     * Invokes {@code methodName} on {@code target}, an instance path, or a class path for a static method. Input
     * arguments are already typed from the method declaration.
     */
    CimMethodResult invokeMethod(CimOperationContext context, CIMObjectPath target, String methodName,
                                 List<CIMArgument<?>> inArguments) throws WBEMException;
}
