package org.cimforge.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;
import org.cimforge.mof.model.CimProperty;

/**
 * Generates the list-of-records view of a group of Indexed arrays (see {@link IndexedGroups}): a nested record with
 * one component per array, a getter that zips the arrays into records, and a builder setter that unzips them.
 */
final class IndexedEntriesGenerator {
    private final TypeMapper types;

    IndexedEntriesGenerator(TypeMapper types) {
        this.types = types;
    }

    /** The nested record: one index of the group's arrays. */
    TypeSpec record(ClassNames names, IndexedGroupNames group) {
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
        CodeBlock.Builder params = CodeBlock.builder();
        for (int i = 0; i < group.members().size(); i++) {
            CimProperty p = group.members().get(i);
            String component = group.components().get(i);
            constructor.addParameter(ParameterSpec.builder(Nullness.nullable(componentType(names, p)), component).build());
            params.add("\n@param $L element of {@code $L} ($L) at this index;\n       null where that array is NULL,"
                    + " shorter or holds NULL", component, p.name().spelling(), Docs.sanitize(p.type().toMof()));
        }
        return TypeSpec.recordBuilder(group.record())
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("One index of Indexed arrays of {@code $L} whose elements at the same position describe one\n"
                        + "thing:\n$L.\nRead with {@link $T#$L()}, written with the builder's {@code $L}.\n$L\n",
                        names.cimClass.name().spelling(), memberList(group), names.model, group.getter(),
                        group.setter(), params.build())
                .recordConstructor(constructor.build())
                .build();
    }

    /** {@code get<First>Entries()}: the arrays zipped into records, as many as the longest array has elements. */
    MethodSpec getter(ClassNames names, IndexedGroupNames group) {
        MethodSpec.Builder g = MethodSpec.methodBuilder(group.getter()).addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(Types.LIST, group.record()))
                .addJavadoc("Indexed arrays read together, one {@link $T} per index:\n$L.\nAs many records as the longest"
                        + " array has elements; a shorter or NULL array gives null components.\nNever null: empty when every"
                        + " array is NULL or empty.\n$L", group.record(), memberList(group),
                        DocTags.of("one record per index, never null"));
        List<String> locals = new ArrayList<>();
        for (int i = 0; i < group.members().size(); i++) {
            CimProperty p = group.members().get(i);
            String local = group.components().get(i);
            g.addStatement("$T $L = $L", ParameterizedTypeName.get(Types.LIST, componentType(names, p)), local,
                    read(names, p));
            locals.add(local);
        }
        String all = String.join(", ", locals);
        g.addStatement("int rows = rows($L)", all);
        g.addStatement("$T<$T> entries = new $T<>(rows)", Types.LIST, group.record(), ArrayList.class);
        g.beginControlFlow("for (int i = 0; i < rows; i++)");
        g.addStatement("entries.add(new $T($L))", group.record(),
                locals.stream().map(l -> "at(" + l + ", i)").collect(Collectors.joining(", ")));
        g.endControlFlow();
        return g.addStatement("return $T.unmodifiableList(entries)", java.util.Collections.class).build();
    }

    /** {@code <first>Entries(list)}: sets every array of the group from the records, so all get the list's length. */
    MethodSpec setter(ClassNames names, IndexedGroupNames group, TypeName self) {
        TypeName list = Nullness.nullable(ParameterizedTypeName.get(Types.LIST,
                WildcardTypeName.subtypeOf(group.record())));
        MethodSpec.Builder s = MethodSpec.methodBuilder(group.setter()).addModifiers(Modifier.PUBLIC).returns(self)
                .addParameter(list, "entries")
                .addJavadoc("Sets Indexed arrays together, element {@code i} of each from record {@code i} (a null record"
                        + " gives\nNULL elements), so all get the list's length; null sets every one of them to NULL:\n$L.\n$L",
                        memberList(group), DocTags.of(DocTags.THIS_BUILDER, "entries"));
        for (int i = 0; i < group.members().size(); i++) {
            CimProperty p = group.members().get(i);
            boolean last = i == group.members().size() - 1;
            boolean isEnum = names.properties.get(p.name()).enumType() != null;
            s.addStatement("$L$L($S, column(entries, $T::$L))", last ? "return " : "",
                    isEnum ? "setEnumValues" : "set", p.name().spelling(), group.record(), group.components().get(i));
        }
        return s.build();
    }

    /** The members as a Javadoc list, four to a line. */
    private static String memberList(IndexedGroupNames group) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < group.members().size(); i++) {
            out.append(i == 0 ? "" : i % 4 == 0 ? ",\n" : ", ")
                    .append("{@code ").append(group.members().get(i).name().spelling()).append('}');
        }
        return out.toString();
    }

    /** The type of one element of a member array, as its list getter gives it. */
    private TypeName componentType(ClassNames names, CimProperty p) {
        ClassName enumType = names.properties.get(p.name()).enumType();
        if (enumType != null) {
            return TypeMapper.enumValue(enumType);
        }
        return ((ParameterizedTypeName) types.getterType(p.type(), p)).typeArguments().get(0);
    }

    /** The read of a member array, as its list getter does it. */
    private CodeBlock read(ClassNames names, CimProperty p) {
        String cimName = p.name().spelling();
        ClassName enumType = names.properties.get(p.name()).enumType();
        if (enumType != null) {
            return CodeBlock.of("enumList($S, $T.class)", cimName, enumType);
        }
        if (p.type().isReference()) {
            return CodeBlock.of("refList($S)", cimName);
        }
        if (TypeMapper.kind(p.type(), p).equals("INSTANCE")) {
            ClassName target = types.embeddedType(p);
            return target.equals(Types.CIM_INSTANCE) ? CodeBlock.of("list($S, $T.class)", cimName, target)
                    : CodeBlock.of("embeddedList($S, $T::fromCimInstance)", cimName, target);
        }
        return CodeBlock.of("list($S, $T.class)", cimName, TypeMapper.scalar(p.type().type()));
    }
}
