package org.cimforge.codegen;

import com.palantir.javapoet.ClassName;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.cimforge.mof.model.CimClass;
import org.cimforge.mof.model.CimMethod;
import org.cimforge.mof.model.CimName;
import org.cimforge.mof.model.CimParameter;
import org.cimforge.mof.model.CimProperty;
import org.cimforge.mof.model.CimSchema;
import org.cimforge.mof.model.ValueMap;

/**
 * The one naming component: decides every Java name the generators use (packages, types, members),
 * so the model, provider and client generators always agree. All names come from {@link NameAllocator}
 * scopes, visited in a fixed order so the result is deterministic.
 */
final class JavaNames {
    /** Members of the runtime bases that generated getters must not clash with. */
    private static final List<String> INSTANCE_MEMBERS = List.of("toCimInstance", "cimClassInfo", "reference",
            "isPresent", "rawValue", "value", "list", "ref", "refList", "enumValue", "enumConstant", "enumList",
            "embedded", "embeddedList", "elements", "fromCimInstance", "getReturnValue", "getReturnCode",
            "toCimArguments", "toCimReturnValue", "toCimOutArguments", "returnEnum", "returnAs", "returnJavaValue",
            "fromCimArguments", "fromCim", "toBuilder", "rows", "at");
    /** Members of the runtime builder bases that generated setters must not clash with. */
    private static final List<String> BUILDER_MEMBERS = List.of("set", "setEnum", "setEnumValue", "setEnumValues",
            "setEnumConstants", "inNamespace", "toReference", "build", "self", "create", "arguments", "setReturn",
            "setReturnEnum", "cimReturnValue", "elementInfo", "returnValue", "copyOf", "column");
    /** Members of the provider and client bases that generated operations must not clash with. */
    private static final List<String> OPERATION_MEMBERS = List.of("cimClass", "adapt", "enumerateInstances",
            "enumerateInstanceNames", "getInstance", "createInstance", "modifyInstance", "deleteInstance",
            "references", "associatorNames", "invokeMethod", "client", "namespace", "classPath", "get", "enumerate",
            "associators", "referencesTo", "invoke", "awaitJob",
            "useJobIndications", "dispatch", "methodProvider");

    /** The reserved sets of member scopes, built once and shared by every scope. */
    private static final Set<String> INSTANCE_RESERVED = NameAllocator.withObjectMethods(INSTANCE_MEMBERS);
    private static final Set<String> BUILDER_RESERVED = NameAllocator.withObjectMethods(BUILDER_MEMBERS);
    private static final Set<String> OPERATION_RESERVED = NameAllocator.withObjectMethods(OPERATION_MEMBERS);

    private final CodegenOptions options;
    private final CimSchema schema;
    private final Map<CimName, ClassName> models = new HashMap<>();
    private final Map<CimName, ClassName> providers = new HashMap<>();
    private final Map<CimName, ClassName> clients = new HashMap<>();
    private final Map<CimName, ClassName> methodProviders = new HashMap<>();
    private final Map<CimName, ClassNames> byClass = new HashMap<>();
    private boolean complete;

    JavaNames(CimSchema schema, List<CimClass> selected, CodegenOptions options) {
        this.schema = schema;
        this.options = options;
        Map<String, NameAllocator> packages = new HashMap<>();
        for (CimClass c : selected) {
            String pkg = options.packageFor(ClassSelector.prefix(c.name().spelling()));
            String name = scope(packages, pkg).allocate(typeName(c));
            models.put(c.name(), ClassName.get(pkg, name));
            providers.put(c.name(), ClassName.get(pkg + ".provider",
                    scope(packages, pkg + ".provider").allocate(name + "Provider")));
            methodProviders.put(c.name(), ClassName.get(pkg + ".provider",
                    scope(packages, pkg + ".provider").allocate(name + "Methods")));
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
        return packages.computeIfAbsent(pkg, k -> NameAllocator.forTypes().reserve(JdkNames.JAVA_LANG)
                .reserve(JdkNames.JAVA_UTIL));
    }

    /**
     * The simple name of a class's model type: the CIM name after the schema prefix in upper camel case (acronyms
     * as words, {@code AsyncPPRCService} gives {@code AsyncPprcService}). The schema prefix stays in front
     * ({@code CIM_System} gives {@code CimSystem}) when the bare name would be a java.lang or java.util type, which a
     * wildcard import would otherwise shadow, or the name of an ancestor in another package, which the class would
     * have to extend by its qualified name ({@code TPD_StorageSystem : CIM_StorageSystem} gives
     * {@code TpdStorageSystem}).
     */
    private static String typeName(CimClass c) {
        String spelling = c.name().spelling();
        String prefix = ClassSelector.prefix(spelling);
        String bare = bareTypeName(spelling);
        if (prefix.isEmpty()) {
            return bare;
        }
        boolean clashes = JdkNames.clashes(bare);
        for (CimClass a = parentOf(c); a != null && !clashes; a = parentOf(a)) {
            String ancestor = a.name().spelling();
            clashes = bare.equalsIgnoreCase(bareTypeName(ancestor))
                    && !ClassSelector.prefix(ancestor).equalsIgnoreCase(prefix);
        }
        return clashes ? JavaCase.upperCamel(prefix) + bare : bare;
    }

    private static CimClass parentOf(CimClass c) {
        return c.superClass().orElse(null);
    }

    private static String bareTypeName(String spelling) {
        String prefix = ClassSelector.prefix(spelling);
        String simple = prefix.isEmpty() ? spelling : spelling.substring(prefix.length() + 1);
        String camel = JavaCase.upperCamel(simple.isEmpty() ? spelling : simple);
        return camel.isEmpty() ? spelling : camel;
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
        ClassNames names = new ClassNames(c, models.get(c.name()), providers.get(c.name()), methodProviders.get(c.name()),
                clients.get(c.name()),
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
        nameIndexedGroups(names, nested);
        nameMethods(names, nested);
        nameOperations(names);
        byClass.put(c.name(), names);
        return names;
    }

    private static NameAllocator memberScope(ClassNames parent, boolean getters) {
        if (parent != null) {
            return NameAllocator.forMembers(Set.of()).inherit(getters ? parent.getters : parent.setters);
        }
        return NameAllocator.forMembers(getters ? INSTANCE_RESERVED : BUILDER_RESERVED);
    }

    private void nameProperties(ClassNames names, NameAllocator nested) {
        CimClass c = names.cimClass;
        String simple = names.model.simpleName();
        for (CimProperty p : c.properties()) {
            PropertyNames fromParent = names.parent == null ? null : names.parent.properties.get(p.name());
            boolean hasEnum = TypeMapper.hasEnum(p.type(), p.valueMap());
            if (fromParent != null && (p.propagated() || sameJavaShape(fromParent.property(), p)
                    || !hasEnum && sameShape(fromParent.property(), p))) {
                names.properties.put(p.name(), fromParent.inherited());
                continue;
            }
            boolean narrows = fromParent != null && narrows(fromParent.property(), p);
            // A redeclaration that only gives the property another ValueMap keeps the inherited accessor names: its
            // enum is nested under the same simple name and read through generic overloads (getX(Sub.X.class)).
            boolean retypesEnum = fromParent != null && hasEnum && sameShape(fromParent.property(), p);
            ClassName enumType = null;
            if (hasEnum) {
                String enumName = nested.allocate(JavaCase.upperCamel(p.name().spelling()));
                names.nestedNamesInLineage.add(enumName);
                enumType = names.model.nestedClass(enumName);
            }
            String base = JavaCase.upperCamel(p.name().spelling());
            String getter;
            String setter;
            String valueGetter;
            if (narrows || retypesEnum) {
                getter = fromParent.getter();
                setter = fromParent.setter();
                valueGetter = p.type().array() ? null
                        : fromParent.valueGetter() != null ? fromParent.valueGetter() : names.getters.allocate(getter + "Value");
            } else {
                // A redeclaration that changes the Java type cannot reuse the inherited accessor names.
                String getterBase = names.getters.isTaken("get" + base) ? "get" + simple + base : "get" + base;
                getter = names.getters.allocate(getterBase);
                String setterBase = JavaCase.lowerCamel(p.name().spelling());
                setter = names.setters.allocate(names.setters.isTaken(setterBase)
                        ? JavaCase.lowerCamel(simple) + base : setterBase);
                valueGetter = enumType != null && !p.type().array() ? names.getters.allocate(getter + "Value") : null;
            }
            // The generic overloads are declared once per lineage, by the first class that retypes the enum.
            boolean overloads = retypesEnum && !fromParent.enumOverloads();
            names.properties.put(p.name(), new PropertyNames(p, getter, valueGetter, setter, enumType, true, narrows,
                    retypesEnum, overloads || retypesEnum && fromParent.enumOverloads()));
            if (overloads) {
                names.enumOverloadsDeclared.add(p.name());
            }
        }
    }

    /**
     * Names the list-of-records view of each group of Indexed arrays ({@link IndexedGroups}): the record
     * {@code <First>Entry}, the getter {@code get<First>Entries} and the setter {@code <first>Entries}, after the first
     * member in property order. A group is declared by the first class of a lineage where it appears; a subclass
     * whose group shares a member with an inherited one keeps the inherited record unchanged (arrays it links in
     * beside them are not added, since the inherited getter's return type cannot change).
     */
    private void nameIndexedGroups(ClassNames names, NameAllocator nested) {
        List<IndexedGroupNames> inherited = names.parent == null ? List.of() : names.parent.indexedGroups;
        for (IndexedGroupNames g : inherited) {
            names.indexedGroups.add(g.inherited());
        }
        for (List<CimProperty> group : IndexedGroups.of(names.cimClass)) {
            Set<CimName> members = new HashSet<>();
            group.forEach(p -> members.add(p.name()));
            if (inherited.stream().anyMatch(g -> g.members().stream().anyMatch(m -> members.contains(m.name())))) {
                continue;
            }
            String first = group.get(0).name().spelling();
            String record = nested.allocate(JavaCase.upperCamel(first) + "Entry");
            names.nestedNamesInLineage.add(record);
            // The getter's locals are named like the components, beside these three.
            NameAllocator scope = NameAllocator.forMembers().reserve(List.of("rows", "entries", "i"));
            List<String> components = group.stream().map(p -> scope.allocate(JavaCase.lowerCamel(p.name().spelling())))
                    .toList();
            names.indexedGroups.add(new IndexedGroupNames(group, names.model.nestedClass(record), components,
                    names.getters.allocate("get" + JavaCase.upperCamel(first) + "Entries"),
                    names.setters.allocate(JavaCase.lowerCamel(first) + "Entries"), true));
        }
    }

    private void nameMethods(ClassNames names, NameAllocator nested) {
        for (CimMethod m : names.cimClass.methods()) {
            MethodNames fromParent = names.parent == null ? null : names.parent.methods.get(m.name());
            if (fromParent != null && m.propagated()) {
                names.methods.put(m.name(), fromParent.inherited());
                continue;
            }
            String base = JavaCase.upperCamel(m.name().spelling());
            ClassName args = names.model.nestedClass(nested.allocate(base + "Args"));
            ClassName result = names.model.nestedClass(nested.allocate(base + "Result"));
            names.nestedNamesInLineage.add(args.simpleName());
            names.nestedNamesInLineage.add(result.simpleName());
            ClassName returnEnum = TypeMapper.hasEnum(m.returnType(), m.valueMap())
                    ? result.nestedClass("ReturnCode") : null;
            // IN (and IN/OUT) parameter enums live in the Args class, OUT-only ones in the Result class that uses them.
            NameAllocator argsEnums = NameAllocator.forTypes().reserve(List.of(args.simpleName(), ClassNames.BUILDER));
            argsEnums.claim(ClassNames.BUILDER);
            NameAllocator resultEnums = NameAllocator.forTypes()
                    .reserve(List.of(result.simpleName(), ClassNames.BUILDER, "ReturnCode"));
            resultEnums.claim(ClassNames.BUILDER).claim("ReturnCode");
            NameAllocator getters = NameAllocator.forMembers(INSTANCE_RESERVED);
            NameAllocator setters = NameAllocator.forMembers(BUILDER_RESERVED);
            Map<CimName, MethodNames.ParamNames> params = new LinkedHashMap<>();
            for (CimParameter p : m.parameters()) {
                String pb = JavaCase.upperCamel(p.name().spelling());
                ClassName enumType = !TypeMapper.hasEnum(p.type(), p.valueMap()) ? null
                        : p.isIn() ? args.nestedClass(argsEnums.allocate(pb)) : result.nestedClass(resultEnums.allocate(pb));
                String getter = getters.allocate("get" + pb);
                String valueGetter = enumType != null && !p.type().array() ? getters.allocate("get" + pb + "Value") : null;
                params.put(p.name(), new MethodNames.ParamNames(getter, setters.allocate(JavaCase.lowerCamel(pb)),
                        valueGetter, enumType));
            }
            names.methods.put(m.name(), new MethodNames(m, args, result, returnEnum, params, true));
        }
    }

    private void nameOperations(ClassNames names) {
        NameAllocator ops = NameAllocator.forMembers(OPERATION_RESERVED);
        // An inherited method keeps its superclass's operation name: the typed method is declared once, in the
        // declaring class's Methods interface, which the subclass's interface extends.
        for (CimMethod m : names.cimClass.methods()) {
            String inherited = names.parent == null || !m.propagated() ? null : names.parent.operationNames.get(m.name());
            if (inherited != null) {
                ops.claim(inherited).claim(inherited + "AndWait");
                names.operationNames.put(m.name(), inherited);
            }
        }
        for (CimMethod m : names.cimClass.methods()) {
            if (!names.operationNames.containsKey(m.name())) {
                String op = ops.allocate(JavaCase.lowerCamel(m.name().spelling()));
                names.operationNames.put(m.name(), op);
                ops.claim(op + "AndWait");
            }
        }
        if (names.cimClass.isAssociation()) {
            for (CimProperty ref : names.cimClass.references()) {
                names.traversalNames.put(ref.name(), ops.allocate("associated" + JavaCase.upperCamel(ref.name().spelling())));
            }
        }
    }

    /** True when a redeclared property keeps the Java types of the inherited one (same accessors suffice). */
    private static boolean sameJavaShape(CimProperty inherited, CimProperty redeclared) {
        return sameShape(inherited, redeclared) && Objects.equals(inherited.valueMap(), redeclared.valueMap());
    }

    /** True when a redeclared property has the same CIM type, array-ness and embedding (its ValueMap aside). */
    private static boolean sameShape(CimProperty inherited, CimProperty redeclared) {
        return Objects.equals(TypeMapper.shape(inherited), TypeMapper.shape(redeclared));
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

    /**
     * The constant name for a ValueMap entry: its Values label in UPPER_SNAKE, a leading minus sign kept as
     * {@code MINUS_} ({@code "-Saturday"} gives {@code MINUS_SATURDAY}, so it cannot merge with {@code SATURDAY});
     * without a usable label {@code VALUE_<n>} for numbers ({@code VALUE_MINUS_7}), the map text itself for a
     * string value that starts with a letter ({@code "Degraded"} gives {@code DEGRADED}), {@code RANGE_<low>_TO_<high>}
     * for ranges and {@code OTHER} for {@code ..}. Every other character that is not a letter or digit separates words.
     */
    static String enumConstant(ValueMap.Entry entry) {
        String label = entry.label() == null ? "" : entry.label().strip();
        String fromLabel = JavaCase.constant(label);
        if (!fromLabel.isEmpty()) {
            return label.startsWith("-") ? "MINUS_" + fromLabel : fromLabel;
        }
        boolean numeric = entry instanceof ValueMap.Range || entry instanceof ValueMap.Discrete d && d.number() != null;
        String spaced = entry.text().toUpperCase(Locale.ROOT).replace("..", " TO ");
        String text = JavaCase.constant(numeric ? spaced.replace("-", " MINUS ") : spaced);
        if (entry instanceof ValueMap.Range r) {
            return r.isRest() ? "OTHER" : "RANGE_" + text;
        }
        // A string-valued map names its values in words already; only numbers need a prefix to be identifiers.
        boolean word = !numeric && !text.isEmpty() && Character.isLetter(text.charAt(0));
        return word ? text : "VALUE_" + text;
    }
}
