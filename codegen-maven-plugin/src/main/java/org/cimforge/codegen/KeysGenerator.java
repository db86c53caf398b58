package org.cimforge.codegen;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.List;
import javax.lang.model.element.Modifier;
import org.cimforge.mof.model.CimProperty;

/** Generates the {@code Keys} record of a class with key properties: key values in, key-only object path out. */
final class KeysGenerator {

    private KeysGenerator() {
    }

    /** The record, or null when the class has no keys (abstract roots, indications, embedded-only classes). */
    static TypeSpec generate(ClassNames names, TypeMapper types) {
        List<CimProperty> keys = names.cimClass.keys();
        if (keys.isEmpty()) {
            return null;
        }
        NameAllocator components = NameAllocator.forMembers().reserve(List.of("namespace", "toReference"));
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
        CodeBlock.Builder pairs = CodeBlock.builder();
        StringBuilder params = new StringBuilder();
        for (CimProperty key : keys) {
            String component = components.allocate(JavaCase.lowerCamel(key.name().spelling()));
            // Keys with a ValueMap are passed as their raw value: a key must be able to hold any number.
            TypeName type = key.type().isReference() || key.type().array() || TypeMapper.isEmbedded(key)
                    ? types.setterType(key.type(), key) : TypeMapper.scalar(key.type().type());
            constructor.addParameter(ParameterSpec.builder(type, component).build());
            pairs.add(", $S, $N", key.name().spelling(), component);
            params.append("\n@param ").append(component).append(" the value of key {@code ").append(key.name().spelling())
                    .append('}');
        }
        TypeName reference = ParameterizedTypeName.get(Types.CIM_REFERENCE, names.model);
        return TypeSpec.recordBuilder(ClassNames.KEYS)
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("The key values of a {@code $L} instance.\n$L\n", names.cimClass.name().spelling(), params)
                .recordConstructor(constructor.build())
                .addMethod(MethodSpec.methodBuilder("toReference").addModifiers(Modifier.PUBLIC)
                        .addJavadoc("A key-only object path in the given namespace (null for none).\n$L",
                                DocTags.of("the object path", "namespace"))
                        .returns(reference)
                        .addParameter(String.class, "namespace")
                        .addStatement("return $T.ofKeys(CLASS_INFO, namespace$L)", Types.CIM_REFERENCE, pairs.build())
                        .build())
                .addMethod(MethodSpec.methodBuilder("toReference").addModifiers(Modifier.PUBLIC)
                        .addJavadoc("A key-only object path without namespace.\n$L", DocTags.of("the object path"))
                        .returns(reference)
                        .addStatement("return toReference(null)")
                        .build())
                .build();
    }
}
