package org.cimforge.runtime.server.dispatch;

import static org.cimforge.runtime.server.dispatch.OperationSupport.decode;
import static org.cimforge.runtime.server.dispatch.OperationSupport.invalidParameter;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.cimforge.mof.model.CimClass;
import org.cimforge.runtime.cimxml.CimValues;
import org.cimforge.runtime.cimxml.XmlNode;
import org.cimforge.runtime.spi.CimErrorException;
import org.cimforge.runtime.spi.CimMethodProvider;
import org.cimforge.runtime.spi.CimMethodResult;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMClass;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMMethod;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMParameter;
import org.metricshub.wbem.javax.wbem.WBEMException;

/**
 * Extrinsic method calls (METHODCALL) on instance and class paths: parameters typed from the method declaration,
 * the method provider found up the class lineage, and return values coerced to the declared types.
 */
final class MethodOperations {
    private final OperationSupport support;

    MethodOperations(OperationSupport support) {
        this.support = support;
    }

    Reply invoke(OperationRequest req) throws WBEMException {
        support.requireNamespace(req);
        XmlNode targetNode = req.call.child("LOCALINSTANCEPATH") != null ? req.call.child("LOCALINSTANCEPATH")
                : req.call.child("LOCALCLASSPATH");
        CIMObjectPath parsed = decode(() -> support.decoder.objectPath(targetNode, req.namespace));
        LocalReferences references = new LocalReferences(support.repository);
        references.check(parsed, "the target", req);
        CimClass model = support.requireClass(req, parsed.getObjectName());
        CIMObjectPath target = new CIMObjectPath(null, null, null, req.namespace, parsed.getObjectName(),
                parsed.getKeys());
        CIMClass cimClass = support.repository.cimClass(req.namespace, model.name().spelling());
        CIMMethod<?> method = cimClass.getMethod(req.method);
        if (method == null) {
            throw new CimErrorException(WBEMException.CIM_ERR_METHOD_NOT_FOUND,
                    "class " + model.name().spelling() + " has no method " + req.method);
        }
        List<CIMArgument<?>> in = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (XmlNode p : req.call.all("PARAMVALUE")) {
            CIMArgument<?> arg = decode(() -> support.decoder.paramValue(p, req.namespace, model.name().spelling(),
                    method.getName()));
            CIMParameter<?> declared = method.getParameter(arg.getName());
            if (declared == null) {
                throw invalidParameter("method " + method.getName() + " has no parameter "
                        + OperationSupport.abbreviate(arg.getName()));
            }
            if (!seen.add(declared.getName().toLowerCase(Locale.ROOT))) {
                throw invalidParameter("parameter " + method.getName() + "." + declared.getName() + " is given twice");
            }
            checkShape(method.getName(), declared, arg);
            references.checkValue(arg.getValue(), "parameter " + method.getName() + "." + declared.getName(), req);
            in.add(arg);
        }
        CimMethodProvider provider = null;
        for (CimClass k : model.lineage()) {
            provider = support.providers.methodProvider(req.namespace, k.name().spelling());
            if (provider != null) {
                break;
            }
        }
        if (provider == null) {
            throw new CimErrorException(WBEMException.CIM_ERR_METHOD_NOT_AVAILABLE,
                    "no provider runs " + model.name().spelling() + "." + method.getName());
        }
        if (target.getKeys().length > 0 && support.providerFor(req, model) != null) {
            // An instance method on an instance that does not exist is CIM_ERR_NOT_FOUND, not the provider's call.
            support.fetch(req, target);
        }
        CimMethodResult result = provider.invokeMethod(req.context, target, method.getName(), in);
        if (result == null) {
            result = CimMethodResult.of(null);
        }
        CimMethodResult r = result;
        CIMDataType returnType = method.getDataType();
        Object returnValue = coerce(returnType, r.returnValue());
        return Reply.respond(req, false, w -> {
            if (returnValue != null) {
                w.typedValue("RETURNVALUE", null, returnType, returnValue, req.namespace);
            }
            for (CIMArgument<?> out : r.outArguments()) {
                if (out.getValue() == null) {
                    continue;
                }
                CIMParameter<?> declared = method.getParameter(out.getName());
                CIMDataType type = declared != null ? declared.getDataType() : out.getDataType();
                w.typedValue("PARAMVALUE", declared != null ? declared.getName() : out.getName(), type,
                        coerce(type, out.getValue()), req.namespace);
            }
        });
    }

    /** Converts a numeric return value to the declared CIM integer type when the provider used another Java type. */
    /**
     * A value sent with another shape than its parameter's declaration (a string for a REF, a reference or an array
     * for a scalar) is the client's mistake, CIM_ERR_INVALID_PARAMETER, rather than a ClassCastException in the
     * provider.
     */
    private static void checkShape(String methodName, CIMParameter<?> declared, CIMArgument<?> arg) {
        Object value = arg.getValue();
        if (value == null) {
            return;
        }
        CIMDataType type = declared.getDataType();
        String name = methodName + "." + declared.getName();
        boolean array = value.getClass().isArray();
        if (type.isArray() != array) {
            throw invalidParameter("parameter " + name + (type.isArray() ? " is an array" : " is not an array")
                    + ", but an " + (array ? "array" : "single value") + " was sent");
        }
        boolean wantsReference = type.getType() == CIMDataType.REFERENCE;
        Object element = array ? (java.lang.reflect.Array.getLength(value) > 0
                ? java.lang.reflect.Array.get(value, 0) : null) : value;
        if (element != null && wantsReference != (element instanceof CIMObjectPath)) {
            throw invalidParameter("parameter " + name + (wantsReference
                    ? " is a reference to " + type.getRefClassName() + ", but a value was sent"
                    : " is not a reference, but a reference was sent"));
        }
    }

    private static Object coerce(CIMDataType type, Object value) {
        if (value == null || type == null || type.isArray() || !(value instanceof Number)) {
            return value;
        }
        int code = type.getType();
        if (code == CIMDataType.REFERENCE || code == CIMDataType.OBJECT || code == CIMDataType.STRING
                || CIMDataType.getDataType(value).getType() == code) {
            return value;
        }
        return CimValues.parse(code, value.toString());
    }
}
