package org.cimforge.runtime;

import java.util.List;
import org.metricshub.wbem.javax.cim.CIMArgument;

/** Base of generated typed method parameters (the IN side): the received arguments, read as typed values. */
public abstract class MethodArguments extends TypedValues {
    private final ElementSet parameters;

    /** Wraps arguments without parameter facts (toString then shows ValueMap values as plain numbers). */
    protected MethodArguments(CIMArgument<?>[] arguments) {
        this(null, arguments);
    }

    /** Wraps arguments of the given parameters (null when unknown). */
    protected MethodArguments(ElementSet parameters, CIMArgument<?>[] arguments) {
        super(arguments == null ? List.of() : List.of(arguments));
        this.parameters = parameters;
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

    /** The type's simple name and its non-NULL arguments, e.g. {@code ManageSessionArgs{Operation=2 (START)}}. */
    @Override
    public String toString() {
        return describe(null, null, null, parameters);
    }
}
