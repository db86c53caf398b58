package org.cimforge.codegen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import com.palantir.javapoet.WildcardTypeName;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;
import org.cimforge.mof.model.CimClass;
import org.cimforge.mof.model.CimProperty;

/**
 * Generates the typed instance class of a CIM class: schema facts, typed getters, ValueMap enums,
 * a key record for key-only paths, a builder, and the argument/result types of its methods.
 */
final class ClassGenerator {
    private final TypeMapper types;
    private final Accessors accessors;
    private final MethodTypesGenerator methodTypes;
    private final IndexedEntriesGenerator indexedEntries;

    ClassGenerator(TypeMapper types) {
        this.types = types;
        this.accessors = new Accessors(types);
        this.methodTypes = new MethodTypesGenerator(types, accessors);
        this.indexedEntries = new IndexedEntriesGenerator(types);
    }

    TypeSpec generate(ClassNames names) {
        CimClass c = names.cimClass;
        ClassName self = names.model;
        ClassName parent = names.parent == null ? Types.INSTANCE_BASE : names.parent.model;
        TypeSpec.Builder type = TypeSpec.classBuilder(self)
                .addModifiers(Modifier.PUBLIC)
                .superclass(parent)
                .addAnnotation(generated(c))
                .addAnnotation(suppressDeprecation())
                .addJavadoc("$L\n\n<p>CIM class {@code $L}$L.$L\n", Docs.describeOwn(c, "The CIM class " + c.name() + "."),
                        c.name().spelling(), qualifiersNote(c), Docs.deprecatedTag(c));
        if (c.isDeprecated()) {
            type.addAnnotation(Deprecated.class);
        }
        type.addField(classInfo(names, parent));
        type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PROTECTED)
                .addJavadoc("Wraps an instance as the given class (subclasses pass their own class facts).\n$L",
                        DocTags.of(null, "cimClass", "instance"))
                .addParameter(Types.CIM_CLASS_INFO, "cimClass")
                .addParameter(Types.CIM_INSTANCE, "instance")
                .addStatement("super(cimClass, instance)")
                .build());
        type.addMethod(MethodSpec.methodBuilder("fromCimInstance")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc("A typed view of a received instance; the instance converts back unchanged.\n$L",
                        DocTags.of("the typed view", "instance"))
                .returns(self)
                .addParameter(Types.CIM_INSTANCE, "instance")
                .addStatement("return new $T(CLASS_INFO, instance)", self)
                .build());
        type.addMethod(toBuilder(names, parent));
        List<TypeSpec> enums = new ArrayList<>();
        List<MethodSpec> setters = new ArrayList<>();
        TypeVariableName b = TypeVariableName.get("B");
        for (PropertyNames p : names.properties.values()) {
            if (!p.declaresHere()) {
                continue;
            }
            CimProperty property = p.property();
            if (p.enumType() != null) {
                enums.add(EnumGenerator.generate(p.enumType(), property.valueMap(),
                        "{@code " + c.name().spelling() + "." + property.name().spelling() + "}"));
            }
            if (p.retypesEnum()) {
                if (names.enumOverloadsDeclared.contains(property.name())) {
                    type.addMethods(accessors.enumOverloads(property, property.type(), p.getter(), p.valueGetter()));
                }
                setters.addAll(accessors.setters(property, property.type(), p.setter(), p.enumType(), b, true));
                continue;
            }
            type.addMethods(accessors.getters(property, property.type(), p.getter(), p.valueGetter(), p.enumType(),
                    p.overridesGetter()));
            if (!p.overridesGetter()) {
                setters.addAll(accessors.setters(property, property.type(), p.setter(), p.enumType(), b));
            }
        }
        for (IndexedGroupNames group : names.indexedGroups) {
            if (group.declaresHere()) {
                enums.add(indexedEntries.record(names, group));
                type.addMethod(indexedEntries.getter(names, group));
                setters.add(indexedEntries.setter(names, group, b));
            }
        }
        type.addTypes(enums);
        TypeSpec keys = KeysGenerator.generate(names, types);
        if (keys != null) {
            type.addType(keys);
        }
        type.addType(abstractBuilder(names, parent, setters));
        type.addType(builder(names));
        for (MethodNames m : names.methods.values()) {
            if (m.declaresHere()) {
                type.addTypes(methodTypes.generate(c, m));
            }
        }
        // Nested types of superclasses are inherited members and would shadow same-named top-level types.
        type.alwaysQualify(names.nestedNamesInLineage.toArray(new String[0]));
        return type.build();
    }

    /**
     * {@code @Generated} for a top-level type: the generator and the source element and file, never a
     * date, so output stays byte-identical for the same input.
     */
    static AnnotationSpec generated(CimClass source) {
        return AnnotationSpec.builder(Types.GENERATED)
                .addMember("value", "$S", CimForgeGenerator.class.getName())
                .addMember("comments", "$S", Docs.generatedComment(source))
                .build();
    }

    static AnnotationSpec suppressDeprecation() {
        // Generated code must compile with -Werror even where the schema itself uses deprecated elements.
        return AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "deprecation").build();
    }

    private static String qualifiersNote(CimClass c) {
        List<String> notes = new ArrayList<>();
        if (c.isAbstract()) {
            notes.add("abstract");
        }
        if (c.isAssociation()) {
            notes.add("association");
        }
        if (c.isIndication()) {
            notes.add("indication");
        }
        return notes.isEmpty() ? "" : " (" + String.join(", ", notes) + ")";
    }

    private static FieldSpec classInfo(ClassNames names, ClassName parent) {
        CodeBlock.Builder init = CodeBlock.builder().add("$T.builder($S, $L)", Types.CIM_CLASS_INFO,
                names.cimClass.name().spelling(),
                names.parent == null ? CodeBlock.of("null") : CodeBlock.of("$T.CLASS_INFO", parent));
        init.indent();
        for (CimProperty p : names.cimClass.properties()) {
            if (p.propagated()) {
                continue;
            }
            init.add("\n.property($S, $T.$L, $L, $S, $L", p.name().spelling(), Types.CIM_KIND,
                    Accessors.kindCode(p.type(), p), p.type().array(), Accessors.refClass(p.type()), p.isKey());
            ClassName enumType = names.properties.get(p.name()).enumType();
            // The long form only where it says something, which keeps the common case short.
            if (p.isRequired() || enumType != null) {
                init.add(", $L, $L", p.isRequired(),
                        enumType == null ? CodeBlock.of("null") : CodeBlock.of("$T.class", enumType));
            }
            init.add(")");
        }
        init.add("\n.build()").unindent();
        return FieldSpec.builder(Types.CIM_CLASS_INFO, "CLASS_INFO", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Schema facts of {@code $L}.\n", names.cimClass.name().spelling())
                .initializer(init.build())
                .build();
    }

    /**
     * {@code toBuilder()}: a builder started from this instance. It returns the wildcard abstract builder
     * rather than {@code Builder} because each subclass overrides it with its own builder, and Java allows
     * only a covariant return type there; setters and {@code build()} still chain with full types.
     */
    private static MethodSpec toBuilder(ClassNames names, ClassName parent) {
        MethodSpec.Builder m = MethodSpec.methodBuilder("toBuilder").addModifiers(Modifier.PUBLIC)
                .addJavadoc("A builder holding this instance's properties (those the schema does not know too), CIM\n"
                        + "class name, namespace and keys, to make a changed copy; its {@code build()} checks Required\n"
                        + "properties again.\n$L", DocTags.of("a builder holding a copy of this instance"))
                .returns(ParameterizedTypeName.get(names.abstractBuilder(), WildcardTypeName.subtypeOf(Object.class),
                        WildcardTypeName.subtypeOf(names.model)))
                .addStatement("return new $T(this)", names.builder());
        if (names.parent != null) {
            m.addAnnotation(Override.class);
        }
        return m.build();
    }

    private static TypeSpec abstractBuilder(ClassNames names, ClassName parent, List<MethodSpec> setters) {
        TypeVariableName b = TypeVariableName.get("B");
        TypeVariableName t = TypeVariableName.get("T");
        ClassName abstractBuilder = names.abstractBuilder();
        TypeName parentBuilder = names.parent == null
                ? ParameterizedTypeName.get(Types.INSTANCE_BUILDER, b, t)
                : ParameterizedTypeName.get(names.parent.abstractBuilder(), b, t);
        return TypeSpec.classBuilder(abstractBuilder)
                .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT, Modifier.STATIC)
                .addJavadoc("Setters of {@code $L} properties, shared by the builders of its subclasses.\n",
                        names.cimClass.name().spelling())
                .addTypeVariable(b.withBounds(ParameterizedTypeName.get(abstractBuilder, b, t)))
                .addTypeVariable(t.withBounds(names.model))
                .superclass(parentBuilder)
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PROTECTED)
                        .addJavadoc("Starts a builder of the given class (a subclass's builder passes its own).\n$L",
                                DocTags.of(null, "cimClass"))
                        .addParameter(Types.CIM_CLASS_INFO, "cimClass")
                        .addStatement("super(cimClass)").build())
                .addMethods(setters)
                .build();
    }

    private static TypeSpec builder(ClassNames names) {
        ClassName builder = names.builder();
        return TypeSpec.classBuilder(builder)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Builds {@code $L} instances, for providers.\n", names.cimClass.name().spelling())
                .superclass(ParameterizedTypeName.get(names.abstractBuilder(), builder, names.model))
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
                        .addJavadoc("An empty builder.\n")
                        .addStatement("super(CLASS_INFO)").build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE)
                        .addParameter(names.model, "source")
                        .addStatement("super(CLASS_INFO)")
                        .addStatement("copyOf(source)").build())
                .addMethod(MethodSpec.methodBuilder("self").addAnnotation(Override.class)
                        .addModifiers(Modifier.PROTECTED).returns(builder).addStatement("return this").build())
                .addMethod(MethodSpec.methodBuilder("create").addAnnotation(Override.class)
                        .addModifiers(Modifier.PROTECTED).returns(names.model)
                        .addParameter(Types.CIM_INSTANCE, "instance")
                        .addStatement("return new $T(CLASS_INFO, instance)", names.model).build())
                .build();
    }
}
