package org.cimforge.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import javax.lang.model.element.Modifier;
import org.cimforge.mof.model.ValueMap;

/**
 * Generates one Java enum per ValueMap: a constant per discrete value and per range (including
 * {@code ..}), each carrying its ValueMap text, label and bounds, with lookups that accept any raw value.
 */
final class EnumGenerator {

    private EnumGenerator() {
    }

    /** The enum for a ValueMap; {@code owner} names the element in the Javadoc. */
    static TypeSpec generate(ClassName name, ValueMap valueMap, String owner) {
        TypeSpec.Builder e = TypeSpec.enumBuilder(name)
                .addModifiers(Modifier.PUBLIC)
                .addSuperinterface(Types.CIM_ENUM)
                .addJavadoc("Values of $L (ValueMap/Values). Numbers within a range, and numbers the map does not list,\n"
                        + "are read as {@link $T} with the exact number kept.\n", owner, Types.ENUM_VALUE);
        NameAllocator constants = NameAllocator.forMembers();
        for (ValueMap.Entry entry : valueMap.entries()) {
            String constant = constants.allocate(JavaNames.enumConstant(entry));
            // The facts live in the runtime's ValueMapEntry; CimEnum's defaults read them, so each enum stays small.
            CodeBlock facts = entry instanceof ValueMap.Range r
                    ? CodeBlock.of("$T.range($S, $S, $S, $S)", Types.VALUE_MAP_ENTRY, entry.text(), entry.label(),
                            text(r.low()), text(r.high()))
                    : CodeBlock.of("$T.value($S, $S, $S)", Types.VALUE_MAP_ENTRY, entry.text(), entry.label(),
                            text(((ValueMap.Discrete) entry).number()));
            e.addEnumConstant(constant, TypeSpec.anonymousClassBuilder("$L", facts)
                    .addJavadoc("ValueMap {@code $L}$L.\n", Docs.sanitize(entry.text()),
                            entry.label() == null ? "" : ": " + Docs.sanitize(entry.label()))
                    .build());
        }
        e.addField(FieldSpec.builder(Types.VALUE_MAP_ENTRY, "entry", Modifier.PRIVATE, Modifier.FINAL).build());
        e.addMethod(MethodSpec.constructorBuilder()
                .addParameter(Types.VALUE_MAP_ENTRY, "entry")
                .addStatement("this.entry = entry")
                .build());
        e.addMethod(MethodSpec.methodBuilder("entry").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(Types.VALUE_MAP_ENTRY).addStatement("return entry").build());
        e.addMethod(MethodSpec.methodBuilder("lookup")
                .addJavadoc("Any raw value (a number of any width, or a string) with the constant it falls under.\n$L",
                        DocTags.of("the value with its constant, null as constant when none covers it", "raw"))
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(TypeMapper.enumValue(name))
                .addParameter(Object.class, "raw")
                .addStatement("return $T.lookup($T.class, raw)", Types.ENUM_VALUE, name)
                .build());
        return e.build();
    }

    private static String text(java.math.BigInteger number) {
        return number == null ? null : number.toString();
    }
}
