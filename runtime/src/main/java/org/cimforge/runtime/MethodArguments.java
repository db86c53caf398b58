package org.cimforge.runtime;

import java.util.List;
import org.metricshub.wbem.javax.cim.CIMArgument;

/** Base of generated typed method parameters (the IN side): the received arguments, read as typed values. */
public abstract class MethodArguments extends TypedValues {

    protected MethodArguments(CIMArgument<?>[] arguments) {
        super(arguments == null ? List.of() : List.of(arguments));
    }

    /** The arguments in their JSR48 form, as received or built. */
    public final CIMArgument<?>[] toCimArguments() {
        return elements().stream().map(e -> (CIMArgument<?>) e).toArray(CIMArgument<?>[]::new);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MethodArguments that && getClass() == that.getClass()
                && elements().equals(that.elements());
    }

    @Override
    public int hashCode() {
        return elements().hashCode();
    }
}
