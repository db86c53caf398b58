package org.cimforge.runtime.provider;

import java.util.List;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.cimforge.runtime.CimErrors;

/**
 * The untyped entry point a server uses for extrinsic methods; generated provider interfaces
 * implement it by dispatching to one typed method per CIM method.
 */
public interface MethodProvider {

    /**
     * Invokes a method by name; OUT arguments are added to {@code out}, the JSR48 return value is returned.
     */
    default Object invokeMethod(InvocationContext context, CIMObjectPath target, String methodName,
                                CIMArgument<?>[] in, List<CIMArgument<?>> out) throws WBEMException {
        throw CimErrors.methodNotAvailable(methodName);
    }
}
