package org.cimforge.codegen;

import com.palantir.javapoet.ClassName;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.cimforge.mof.model.CimClass;
import org.cimforge.mof.model.CimMethod;
import org.cimforge.mof.model.CimName;
import org.cimforge.mof.model.CimParameter;
import org.cimforge.mof.model.CimProperty;
import org.cimforge.mof.model.CimSchema;

/**
 * The one naming component: decides every Java name the generators use (packages, types, members),
 * so the model, provider and client generators always agree. All names come from {@link NameAllocator}
 * scopes, visited in a fixed order so the result is deterministic.
 */
final class JavaNames {
    /** java.lang types generated code uses by simple name; a CIM class must not shadow them in its package. */
    private static final Set<String> JAVA_LANG_USED = Set.of("String", "Integer", "Long", "Short", "Byte", "Float",
            "Double", "Character", "Boolean", "Object", "Override", "Deprecated", "SuppressWarnings", "Enum", "Class");
    /** Members of the runtime bases that generated getters must not clash with. */
    private static final List<String> INSTANCE_MEMBERS = List.of("toCimInstance", "cimClassInfo", "reference",
            "isPresent", "rawValue", "value", "list", "ref", "refList", "enumValue", "enumConstant", "enumList",
            "embedded", "embeddedList", "elements", "fromCimInstance", "getReturnValue", "getReturnCode",
            "toCimArguments", "toCimReturnValue", "toCimOutArguments", "returnEnum", "returnAs", "returnJavaValue",
            "fromCimArguments", "fromCim", "toBuilder");
    /** Members of the runtime builder bases that generated setters must not clash with. */
    private static final List<String> BUILDER_MEMBERS = List.of("set", "setEnum", "setEnumValue", "setEnumValues",
            "setEnumConstants", "inNamespace", "toReference", "build", "self", "create", "arguments", "setReturn",
            "setReturnEnum", "cimReturnValue", "elementInfo", "returnValue", "copyOf");
    /** Members of the provider and client bases that generated operations must not clash with. */
    private static final List<String> OPERATION_MEMBERS = List.of("cimClass", "adapt", "enumerateInstances",
            "enumerateInstanceNames", "getInstance", "createInstance", "modifyInstance", "deleteInstance",
            "references", "associatorNames", "invokeMethod", "client", "namespace", "classPath", "get", "enumerate",
            "associators", "referencesTo", "invoke", "awaitJob",
            "useJobIndications");

    private final CodegenOptions options;
    private final CimSchema schema;
    private final Map<CimName, ClassName> models = new HashMap<>();
    private final Map<CimName, ClassName> providers = new HashMap<>();
    private final Map<CimName, ClassName> clients = new HashMap<>();
    private final Map<CimName, ClassNames> byClass = new HashMap<>();
    private boolean complete;

    JavaNames(CimSchema schema, List<CimClass> selected, CodegenOptions options) {
        this.schema = schema;
        this.options = options;
        Map<String, NameAllocator> packages = new HashMap<>();
        for (CimClass c : selected) {
            String spelling = c.name().spelling();
            String prefix = ClassSelector.prefix(spelling);
            String pkg = options.packageFor(prefix);
            String simple = prefix.isEmpty() ? spelling : spelling.substring(prefix.length() + 1);
            simple = simple.isEmpty() ? spelling : simple;
            String name = scope(packages, pkg).allocate(capitalize(simple));
            models.put(c.name(), ClassName.get(pkg, name));
            providers.put(c.name(), ClassName.get(pkg + ".provider",
                    scope(packages, pkg + ".provider").allocate(name + "Provider")));
            clients.put(c.name(), ClassName.get(pkg + ".client", scope(packages, pkg + ".client").allocate(name + "Client")));
        }
        // Member names depend on the order classes are met, so they are all assigned here, in selection order;
        // afterwards of() only reads and the generators may call it from several threads.
        for (CimClass c : selected) {
            of(c);
        }
        complete = true;
    }

    private static NameAllocator scope(Map<String, NameAllocator> packages, String pkg) {
        return packages.computeIfAbsent(pkg, k -> NameAllocator.forTypes().reserve(JAVA_LANG_USED));
    }

    CodegenOptions options() {
        return options;
    }

    /** The model class generated for a CIM class, or null when the class is not generated. */
    ClassName model(CimName cimClass) {
        return cimClass == null ? null : models.get(cimClass);
    }

    /** Names of a selected class and its members (computed in the constructor, superclasses first). */
    ClassNames of(CimClass c) {
        ClassNames known = byClass.get(c.name());
        if (known != null) {
            return known;
        }
        if (complete) {
            throw new IllegalStateException(c.name().spelling() + " is outside the named selection");
        }
        ClassNames parent = c.superClass().map(this::of).orElse(null);
        ClassNames names = new ClassNames(c, models.get(c.name()), providers.get(c.name()), clients.get(c.name()),
                parent, memberScope(parent, true), memberScope(parent, false));
        if (parent != null) {
            names.nestedNamesInLineage.addAll(parent.nestedNamesInLineage);
        }
        NameAllocator nested = NameAllocator.forTypes().reserve(List.of(names.model.simpleName()));
        for (String fixed : List.of(ClassNames.BUILDER, ClassNames.ABSTRACT_BUILDER, ClassNames.KEYS)) {
            nested.claim(fixed);
            names.nestedNamesInLineage.add(fixed);
        }
        nameProperties(names, nested);
        nameMethods(names, nested);
        nameOperations(names);
        byClass.put(c.name(), names);
        return names;
    }

    private static NameAllocator memberScope(ClassNames parent, boolean getters) {
        NameAllocator scope = NameAllocator.forMembers().reserve(getters ? INSTANCE_MEMBERS : BUILDER_MEMBERS);
        if (parent != null) {
            NameAllocator inherited = getters ? parent.getters : parent.setters;
            scope.inherit(inherited);
        }
        return scope;
    }

    private void nameProperties(ClassNames names, NameAllocator nested) {
        CimClass c = names.cimClass;
        String simple = names.model.simpleName();
        for (CimProperty p : c.properties()) {
            PropertyNames fromParent = names.parent == null ? null : names.parent.properties.get(p.name());
            if (fromParent != null && (p.propagated() || sameJavaShape(fromParent.property(), p))) {
                names.properties.put(p.name(), fromParent.inherited());
                continue;
            }
            boolean narrows = fromParent != null && narrows(fromParent.property(), p);
            ClassName enumType = null;
            if (TypeMapper.hasEnum(p.type(), p.valueMap())) {
                String enumName = nested.allocate(capitalize(p.name().spelling()));
                names.nestedNamesInLineage.add(enumName);
                enumType = names.model.nestedClass(enumName);
            }
            String base = capitalize(p.name().spelling());
            String getter;
            String setter;
            if (narrows) {
                getter = fromParent.getter();
                setter = fromParent.setter();
            } else {
                // A redeclaration that changes the Java type cannot reuse the inherited accessor names.
                String getterBase = names.getters.isTaken("get" + base) ? "get" + simple + base : "get" + base;
                getter = names.getters.allocate(getterBase);
                String setterBase = JavaCase.lowerCamel(p.name().spelling());
                setter = names.setters.allocate(names.setters.isTaken(setterBase)
                        ? JavaCase.lowerCamel(simple) + base : setterBase);
            }
            String valueGetter = enumType != null && !p.type().array()
                    ? names.getters.allocate(getter + "Value") : null;
            names.properties.put(p.name(), new PropertyNames(p, getter, valueGetter, setter, enumType, true, narrows));
        }
    }

    private void nameMethods(ClassNames names, NameAllocator nested) {
        for (CimMethod m : names.cimClass.methods()) {
            MethodNames fromParent = names.parent == null ? null : names.parent.methods.get(m.name());
            if (fromParent != null && m.propagated()) {
                names.methods.put(m.name(), fromParent.inherited());
                continue;
            }
            String base = capitalize(m.name().spelling());
            ClassName args = names.model.nestedClass(nested.allocate(base + "Args"));
            ClassName result = names.model.nestedClass(nested.allocate(base + "Result"));
            names.nestedNamesInLineage.add(args.simpleName());
            names.nestedNamesInLineage.add(result.simpleName());
            ClassName returnEnum = TypeMapper.hasEnum(m.returnType(), m.valueMap())
                    ? result.nestedClass("ReturnCode") : null;
            NameAllocator paramEnums = NameAllocator.forTypes()
                    .reserve(List.of(args.simpleName(), ClassNames.BUILDER));
            paramEnums.claim(ClassNames.BUILDER);
            NameAllocator getters = NameAllocator.forMembers().reserve(INSTANCE_MEMBERS);
            NameAllocator setters = NameAllocator.forMembers().reserve(BUILDER_MEMBERS);
            Map<CimName, MethodNames.ParamNames> params = new LinkedHashMap<>();
            for (CimParameter p : m.parameters()) {
                String pb = capitalize(p.name().spelling());
                ClassName enumType = TypeMapper.hasEnum(p.type(), p.valueMap())
                        ? args.nestedClass(paramEnums.allocate(pb)) : null;
                String getter = getters.allocate("get" + pb);
                String valueGetter = enumType != null && !p.type().array() ? getters.allocate("get" + pb + "Value") : null;
                params.put(p.name(), new MethodNames.ParamNames(getter, setters.allocate(JavaCase.lowerCamel(pb)),
                        valueGetter, enumType));
            }
            names.methods.put(m.name(), new MethodNames(m, args, result, returnEnum, params, true));
        }
    }

    private void nameOperations(ClassNames names) {
        NameAllocator ops = NameAllocator.forMembers().reserve(OPERATION_MEMBERS);
        for (CimMethod m : names.cimClass.methods()) {
            String op = ops.allocate(JavaCase.lowerCamel(m.name().spelling()));
            names.operationNames.put(m.name(), op);
            ops.claim(op + "AndWait");
        }
        if (names.cimClass.isAssociation()) {
            for (CimProperty ref : names.cimClass.references()) {
                names.traversalNames.put(ref.name(), ops.allocate("associated" + capitalize(ref.name().spelling())));
            }
        }
    }

    /** True when a redeclared property keeps the Java types of the inherited one (same accessors suffice). */
    private static boolean sameJavaShape(CimProperty inherited, CimProperty redeclared) {
        return Objects.equals(TypeMapper.shape(inherited), TypeMapper.shape(redeclared))
                && Objects.equals(inherited.valueMap(), redeclared.valueMap());
    }

    /** True when a redeclaration only narrows a scalar REF or EmbeddedInstance target (a covariant getter). */
    private boolean narrows(CimProperty inherited, CimProperty redeclared) {
        boolean noEnums = !TypeMapper.hasEnum(inherited.type(), inherited.valueMap())
                && !TypeMapper.hasEnum(redeclared.type(), redeclared.valueMap());
        boolean bothRefs = inherited.type().isReference() && redeclared.type().isReference()
                && !inherited.type().array() && !redeclared.type().array();
        if (!noEnums || !bothRefs) {
            return false;
        }
        // The covariant getter compiles only when the new target really is a subclass of the old one.
        ClassName oldTarget = model(inherited.type().referenceClass());
        ClassName newTarget = model(redeclared.type().referenceClass());
        if (oldTarget == null || newTarget == null) {
            return oldTarget == null;
        }
        return schema.cimClass(redeclared.type().referenceClass().spelling())
                .map(target -> target.isSubclassOf(inherited.type().referenceClass())).orElse(false);
    }

    static String capitalize(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
