package org.cimforge.runtime;

import java.util.List;
import java.util.Objects;
import org.metricshub.wbem.javax.cim.CIMArgument;

/**
 * Base of generated typed method results: the return value and the OUT parameters, both kept as
 * received so a result converts back without loss.
 */
public abstract class MethodResult extends TypedValues {
    private final Object returnValue;
    private final PropertyInfo returnType;
    private final ElementSet outParameters;

    /** Wraps a JSR48 return value (already in JSR48 form) and the OUT arguments. */
    protected MethodResult(PropertyInfo returnType, Object cimReturnValue, CIMArgument<?>[] outArguments) {
        this(returnType, null, cimReturnValue, outArguments);
    }

    /** Like the other constructor, with the OUT parameters' facts (null when unknown) for toString. */
    protected MethodResult(PropertyInfo returnType, ElementSet outParameters, Object cimReturnValue,
                           CIMArgument<?>[] outArguments) {
        super(outArguments == null ? List.of() : List.of(outArguments));
        this.returnType = returnType;
        this.returnValue = cimReturnValue;
        this.outParameters = outParameters;
    }

    /** The return value in its JSR48 form, as received or built. */
    public final Object toCimReturnValue() {
        return returnValue;
    }

    /** The OUT arguments in their JSR48 form. */
    public final CIMArgument<?>[] toCimOutArguments() {
        return elements().stream().map(e -> (CIMArgument<?>) e).toArray(CIMArgument<?>[]::new);
    }

    /** The return value in its Java form. */
    protected final Object returnJavaValue() {
        if (returnValue == null) {
            return null;
        }
        // Servers do not always send the declared width, so read by the value's own type when possible.
        Object java = returnValue instanceof Number || returnValue instanceof String || returnValue instanceof Boolean
                ? Values.toJava(org.metricshub.wbem.javax.cim.CIMDataType.getDataType(returnValue), returnValue)
                : returnType.kind().toJava(returnValue);
        return java;
    }

    /** The return value as a ValueMap value. */
    protected final <E extends Enum<E> & CimEnum> EnumValue<E> returnEnum(Class<E> type) {
        Object raw = returnJavaValue();
        return raw == null ? null : EnumValue.lookup(type, raw);
    }

    /** The return value converted to the given Java type. */
    protected final <T> T returnAs(Class<T> type) {
        return Values.coerce(returnJavaValue(), type);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MethodResult that && getClass() == that.getClass()
                && Objects.equals(returnValue, that.returnValue) && elements().equals(that.elements());
    }

    @Override
    public int hashCode() {
        return Objects.hash(returnValue, elements());
    }

    /** The type's simple name, the return value and the non-NULL OUT arguments. */
    @Override
    public String toString() {
        return describe("ReturnValue", returnJavaValue(), returnType, outParameters);
    }

    /** Base of generated result builders: the return value plus OUT arguments. */
    public abstract static class Builder<B extends Builder<B>> extends ArgumentsBuilder<B> {
        private final PropertyInfo returnType;
        private Object returnValue;

        protected Builder(PropertyInfo returnType, ElementSet outParameters) {
            super(outParameters);
            this.returnType = returnType;
        }

        /** Sets the return value from its Java form. */
        protected final B setReturn(Object javaValue) {
            this.returnValue = Values.toCim(returnType.dataType(), javaValue);
            return self();
        }

        /** Sets a ValueMap return value from a discrete constant; a range constant is refused (which number?). */
        protected final B setReturnEnum(CimEnum constant) {
            return setReturn(constant == null ? null : EnumValue.rawOf(constant, returnType.kind(), "ReturnValue"));
        }

        /** The return value in JSR48 form. */
        protected final Object cimReturnValue() {
            return returnValue;
        }
    }
}
