package org.cimforge.codegen;

import com.palantir.javapoet.ClassName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cimforge.mof.model.CimClass;
import org.cimforge.mof.model.CimName;

/**
 * The Java names of one generated class and its members: the model, provider and client types, and
 * the names of every effective property and method (inherited ones point at the class that declared them).
 */
final class ClassNames {
    /** Nested types every model class declares. */
    static final String BUILDER = "Builder";
    static final String ABSTRACT_BUILDER = "AbstractBuilder";
    static final String KEYS = "Keys";

    final CimClass cimClass;
    final ClassName model;
    final ClassName provider;
    final ClassName client;
    final ClassNames parent;
    final Map<CimName, PropertyNames> properties = new LinkedHashMap<>();
    final Map<CimName, MethodNames> methods = new LinkedHashMap<>();
    /** Provider/client Java method name per effective CIM method. */
    final Map<CimName, String> operationNames = new LinkedHashMap<>();
    /** Client traversal method name per REF of an association ({@code associated<Role>}). */
    final Map<CimName, String> traversalNames = new LinkedHashMap<>();
    /** Simple names of the nested types this class and its ancestors declare (they shadow other types). */
    final Set<String> nestedNamesInLineage = new LinkedHashSet<>();
    /** Groups of Indexed arrays offered as lists of records, inherited ones first. */
    final List<IndexedGroupNames> indexedGroups = new ArrayList<>();
    /** Properties whose generic enum overloads ({@code getX(Class<E>)}) this class declares. */
    final Set<CimName> enumOverloadsDeclared = new LinkedHashSet<>();
    /** The typed-method interface ({@code <X>Methods}) of the class. */
    final ClassName methodProvider;
    final NameAllocator getters;
    final NameAllocator setters;

    ClassNames(CimClass cimClass, ClassName model, ClassName provider, ClassName methodProvider, ClassName client,
               ClassNames parent, NameAllocator getters, NameAllocator setters) {
        this.cimClass = cimClass;
        this.methodProvider = methodProvider;
        this.model = model;
        this.provider = provider;
        this.client = client;
        this.parent = parent;
        this.getters = getters;
        this.setters = setters;
    }

    ClassName builder() {
        return model.nestedClass(BUILDER);
    }

    ClassName abstractBuilder() {
        return model.nestedClass(ABSTRACT_BUILDER);
    }

    ClassName keys() {
        return model.nestedClass(KEYS);
    }
}
