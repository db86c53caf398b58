package org.cimforge.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.metricshub.wbem.javax.cim.CIMArgument;

/**
 * Base of generated builders for method arguments (IN parameters of a call, OUT parameters of a result).
 *
 * @param <B> the concrete builder
 */
public abstract class ArgumentsBuilder<B extends ArgumentsBuilder<B>> {
    private final ElementSet parameters;
    private final Map<String, CIMArgument<?>> values = new LinkedHashMap<>();

    protected ArgumentsBuilder(ElementSet parameters) {
        this.parameters = parameters;
    }

    /** This builder as its concrete type. */
    protected abstract B self();

    /** Sets an argument to a Java value (null sends NULL). */
    protected final B set(String name, Object javaValue) {
        PropertyInfo info = parameters.require(name);
        values.put(ElementSet.key(name), new CIMArgument<>(info.name(), info.dataType(),
                Values.toCim(info.dataType(), javaValue)));
        return self();
    }

    /** Sets a ValueMap argument to a discrete constant's value. */
    protected final B setEnum(String name, CimEnum constant) {
        PropertyInfo info = parameters.require(name);
        return set(name, constant == null ? null : EnumValue.rawOf(constant, info.kind(), info.name()));
    }

    /** Sets a ValueMap argument to an exact value. */
    protected final B setEnumValue(String name, EnumValue<?> value) {
        return set(name, value == null ? null : value.raw());
    }

    /** Sets a ValueMap array from discrete constants. */
    protected final B setEnumConstants(String name, CimEnum... constants) {
        return set(name, EnumValue.rawOf(constants, elementInfo(name).kind()));
    }

    /** Sets a ValueMap array from exact values (any numbers, also inside ranges or outside the map). */
    protected final B setEnumValues(String name, List<? extends EnumValue<?>> list) {
        return set(name, EnumValue.rawOf(list));
    }

    private PropertyInfo elementInfo(String name) {
        return parameters.require(name);
    }

    /**
     * The arguments set so far, in parameter order; fails with {@link IllegalStateException} naming the
     * arguments type and every Required parameter left without a value.
     */
    protected final CIMArgument<?>[] arguments() {
        List<CIMArgument<?>> ordered = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (PropertyInfo p : parameters.all()) {
            CIMArgument<?> a = values.get(ElementSet.key(p.name()));
            if (a != null) {
                ordered.add(a);
            }
            if (p.required() && InstanceBuilder.isNull(a)) {
                missing.add(p.name());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException(owner() + ": Required parameter" + (missing.size() == 1 ? " " : "s ")
                    + String.join(", ", missing) + (missing.size() == 1 ? " has" : " have") + " no value");
        }
        return ordered.toArray(new CIMArgument<?>[0]);
    }

    /** What the builder builds, for messages: the enclosing generated type, e.g. {@code ReplicationService.CreateReplicaArgs}. */
    private String owner() {
        Class<?> built = getClass().getEnclosingClass() == null ? getClass() : getClass().getEnclosingClass();
        String name = built.getName();
        return name.substring(name.lastIndexOf('.') + 1).replace('$', '.');
    }
}
