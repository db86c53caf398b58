package org.cimforge.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import org.cimforge.mof.model.CimElement;
import org.cimforge.mof.model.CimName;
import org.cimforge.mof.model.CimProperty;
import org.cimforge.mof.model.CimType;
import org.cimforge.mof.model.CimTypeRef;
import org.cimforge.mof.model.ValueMap;

/**
 * Maps CIM types to the Java types of generated accessors (see the type table in the README):
 * widened unsigned integers, {@code CimDateTime}, typed references, embedded instances as their
 * generated class, arrays as lists.
 */
final class TypeMapper {
    private final JavaNames names;

    TypeMapper(JavaNames names) {
        this.names = names;
    }

    /** True when the element gets a generated enum: a ValueMap or Values on an integer or string element. */
    static boolean hasEnum(CimTypeRef type, ValueMap valueMap) {
        return valueMap != null && !valueMap.entries().isEmpty()
                && (type.type().isInteger() || type.type() == CimType.STRING);
    }

    /** A comparable summary of everything that decides an element's Java type, except its ValueMap. */
    static String shape(CimProperty p) {
        return p.type().toMof() + "|" + p.embeddedInstance().map(CimName::toString).orElse("")
                + "|" + p.qualifiers().isTrue("EmbeddedObject");
    }

    /** The runtime CimKind constant name for an element. */
    static String kind(CimTypeRef type, CimElement element) {
        if (type.isReference()) {
            return "REFERENCE";
        }
        if (type.type() == CimType.STRING && isEmbedded(element)) {
            return "INSTANCE";
        }
        return type.type().name();
    }

    static boolean isEmbedded(CimElement element) {
        return element.qualifiers().string("EmbeddedInstance") != null || element.qualifiers().isTrue("EmbeddedObject");
    }

    static CimName embeddedClass(CimElement element) {
        String name = element.qualifiers().string("EmbeddedInstance");
        return name == null ? null : CimName.of(name);
    }

    /** The Java class of one scalar value of a non-reference, non-embedded kind. */
    static ClassName scalar(CimType type) {
        return switch (type) {
            case UINT8, SINT16 -> ClassName.get(Short.class);
            case SINT8 -> ClassName.get(Byte.class);
            case UINT16, SINT32 -> ClassName.get(Integer.class);
            case UINT32, SINT64 -> ClassName.get(Long.class);
            case UINT64 -> Types.BIG_INTEGER;
            case REAL32 -> ClassName.get(Float.class);
            case REAL64 -> ClassName.get(Double.class);
            case CHAR16 -> ClassName.get(Character.class);
            case STRING -> ClassName.get(String.class);
            case BOOLEAN -> ClassName.get(Boolean.class);
            case DATETIME -> Types.CIM_DATE_TIME;
            case REFERENCE -> Types.CIM_REFERENCE;
        };
    }

    /** The generated class of a reference target or embedded instance, or the runtime base when not generated. */
    ClassName target(CimName cimClass) {
        ClassName model = names.model(cimClass);
        return model != null ? model : Types.INSTANCE_BASE;
    }

    /** The class of an embedded value: the generated class of EmbeddedInstance, else CIMInstance. */
    ClassName embeddedType(CimElement element) {
        CimName target = embeddedClass(element);
        ClassName model = names.model(target);
        return model != null ? model : Types.CIM_INSTANCE;
    }

    /** The type a getter returns for a non-enum element. */
    TypeName getterType(CimTypeRef type, CimElement element) {
        TypeName single;
        if (type.isReference()) {
            ClassName target = target(type.referenceClass());
            single = type.array() ? ParameterizedTypeName.get(Types.CIM_REFERENCE, target)
                    : ParameterizedTypeName.get(Types.CIM_REFERENCE, WildcardTypeName.subtypeOf(target));
        } else if (kind(type, element).equals("INSTANCE")) {
            single = embeddedType(element);
        } else {
            single = scalar(type.type());
        }
        return type.array() ? ParameterizedTypeName.get(Types.LIST, single) : single;
    }

    /** The type a setter accepts for a non-enum element (wider than the getter's for lists of references). */
    TypeName setterType(CimTypeRef type, CimElement element) {
        if (type.isReference() && type.array()) {
            TypeName ref = ParameterizedTypeName.get(Types.CIM_REFERENCE,
                    WildcardTypeName.subtypeOf(target(type.referenceClass())));
            return ParameterizedTypeName.get(Types.LIST, WildcardTypeName.subtypeOf(ref));
        }
        if (type.array() && kind(type, element).equals("INSTANCE")) {
            return ParameterizedTypeName.get(Types.LIST, WildcardTypeName.subtypeOf(embeddedType(element)));
        }
        return getterType(type, element);
    }

    /** {@code EnumValue<E>}. */
    static TypeName enumValue(ClassName enumType) {
        return ParameterizedTypeName.get(Types.ENUM_VALUE, enumType);
    }
}
