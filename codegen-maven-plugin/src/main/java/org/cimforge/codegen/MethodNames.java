package org.cimforge.codegen;

import com.palantir.javapoet.ClassName;
import java.util.Map;
import org.cimforge.mof.model.CimMethod;
import org.cimforge.mof.model.CimName;

/**
 * The Java names chosen for one CIM method: its argument and result types (nested in the class that
 * declares the method), the return-code enum, parameter enums and accessors.
 *
 * @param method       the declaration the types were generated for
 * @param argsType     nested IN-arguments class
 * @param resultType   nested result class
 * @param returnEnum   enum of the return value, or null
 * @param params       names per parameter
 * @param declaresHere true when this class generates the types itself
 */
record MethodNames(CimMethod method, ClassName argsType, ClassName resultType, ClassName returnEnum,
                   Map<CimName, ParamNames> params, boolean declaresHere) {

    MethodNames inherited() {
        return new MethodNames(method, argsType, resultType, returnEnum, params, false);
    }

    /**
     * Names of one parameter.
     *
     * @param getter    getter on the args class (IN) and on the result class (OUT)
     * @param setter    setter on the args builder (IN) and on the result builder (OUT)
     * @param valueGetter exact-value getter for scalar enums, else null
     * @param enumType  the generated enum (nested in the args class for IN and IN/OUT parameters, in the result
     *                  class for OUT-only ones), or null
     */
    record ParamNames(String getter, String setter, String valueGetter, ClassName enumType) {
    }
}
