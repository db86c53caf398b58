package org.cimforge.codegen;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;
import org.cimforge.mof.model.CimElement;
import org.cimforge.mof.model.CimName;
import org.cimforge.mof.model.CimTypeRef;

/**
 * Generates typed getters (over the runtime's {@code TypedValues}) and builder setters (over the
 * runtime builders) for properties and parameters alike.
 */
final class Accessors {
    private final TypeMapper types;

    Accessors(TypeMapper types) {
        this.types = types;
    }

    /** Getters for one element: the typed getter, plus the exact-value getter for scalar enums. */
    List<MethodSpec> getters(CimElement element, CimTypeRef type, String getter, String valueGetter,
                             ClassName enumType, boolean override) {
        String cimName = element.name().spelling();
        List<MethodSpec> out = new ArrayList<>();
        MethodSpec.Builder g = MethodSpec.methodBuilder(getter).addModifiers(Modifier.PUBLIC)
                .addJavadoc("$L\n\n<p>CIM {@code $L $L}; null when NULL or not present.\n",
                        Docs.describe(element, "The " + cimName + " value."), Docs.sanitize(type.toMof()), cimName);
        deprecate(g, element);
        if (override) {
            g.addAnnotation(Override.class);
        }
        if (enumType != null) {
            if (type.array()) {
                g.returns(ParameterizedTypeName.get(Types.LIST, TypeMapper.enumValue(enumType)))
                        .addStatement("return enumList($S, $T.class)", cimName, enumType);
            } else {
                g.returns(enumType).addStatement("return enumConstant($S, $T.class)", cimName, enumType);
                MethodSpec.Builder v = MethodSpec.methodBuilder(valueGetter).addModifiers(Modifier.PUBLIC)
                        .addJavadoc("The exact $L value, also for numbers inside ranges or outside the ValueMap.\n",
                                cimName)
                        .returns(TypeMapper.enumValue(enumType))
                        .addStatement("return enumValue($S, $T.class)", cimName, enumType);
                deprecate(v, element);
                out.add(v.build());
            }
            out.add(0, g.build());
            return out;
        }
        TypeName returns = types.getterType(type, element);
        g.returns(returns);
        String kind = TypeMapper.kind(type, element);
        if (type.isReference()) {
            g.addStatement(type.array() ? "return refList($S)" : "return ref($S)", cimName);
        } else if (kind.equals("INSTANCE")) {
            ClassName target = types.embeddedType(element);
            if (target.equals(Types.CIM_INSTANCE)) {
                g.addStatement(type.array() ? "return list($S, $T.class)" : "return value($S, $T.class)", cimName,
                        target);
            } else {
                g.addStatement(type.array() ? "return embeddedList($S, $T::fromCimInstance)"
                        : "return embedded($S, $T::fromCimInstance)", cimName, target);
            }
        } else {
            g.addStatement(type.array() ? "return list($S, $T.class)" : "return value($S, $T.class)", cimName,
                    TypeMapper.scalar(type.type()));
        }
        out.add(g.build());
        return out;
    }

    /** Builder setters for one element, returning {@code self}. */
    List<MethodSpec> setters(CimElement element, CimTypeRef type, String setter, ClassName enumType, TypeName self) {
        String cimName = element.name().spelling();
        List<MethodSpec> out = new ArrayList<>();
        if (enumType != null) {
            if (type.array()) {
                out.add(setter(element, setter, self, ArrayTypeName.of(enumType), true)
                        .addStatement("return setEnumConstants($S, value)", cimName).build());
                TypeName list = ParameterizedTypeName.get(Types.LIST,
                        WildcardTypeName.subtypeOf(TypeMapper.enumValue(enumType)));
                out.add(setter(element, setter, self, list, false)
                        .addStatement("return setEnumValues($S, value)", cimName).build());
            } else {
                out.add(setter(element, setter, self, enumType, false)
                        .addStatement("return setEnum($S, value)", cimName).build());
                out.add(setter(element, setter, self, TypeMapper.enumValue(enumType), false)
                        .addStatement("return setEnumValue($S, value)", cimName).build());
            }
            return out;
        }
        out.add(setter(element, setter, self, types.setterType(type, element), false)
                .addStatement("return set($S, value)", cimName).build());
        return out;
    }

    private static MethodSpec.Builder setter(CimElement element, String name, TypeName self, TypeName param,
                                             boolean varargs) {
        MethodSpec.Builder b = MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC).returns(self)
                .addParameter(param, "value").varargs(varargs)
                .addJavadoc("Sets $L (null for NULL).\n", element.name().spelling());
        deprecate(b, element);
        return b;
    }

    static void deprecate(MethodSpec.Builder method, CimElement element) {
        if (element.isDeprecated()) {
            method.addAnnotation(Deprecated.class);
        }
    }

    /** The {@code CimKind.X} expression and the REF class for an element's PropertyInfo. */
    static String kindCode(CimTypeRef type, CimElement element) {
        return TypeMapper.kind(type, element);
    }

    static String refClass(CimTypeRef type) {
        CimName ref = type.referenceClass();
        return ref == null ? null : ref.spelling();
    }
}
