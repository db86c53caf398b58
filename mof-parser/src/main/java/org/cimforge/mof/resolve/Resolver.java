package org.cimforge.mof.resolve;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cimforge.mof.DiagnosticCode;
import org.cimforge.mof.DiagnosticSink;
import org.cimforge.mof.RedefinitionPolicy;
import org.cimforge.mof.SourceLocation;
import org.cimforge.mof.ast.Production;
import org.cimforge.mof.model.CimClass;
import org.cimforge.mof.model.CimName;
import org.cimforge.mof.model.CimProperty;
import org.cimforge.mof.model.CimSchema;

/**
 * Turns productions (in include order) into a resolved {@link CimSchema} in ordered passes:
 * pragmas, qualifier declarations, class linking, class building in superclass-first order, then
 * instances. Every problem goes to the sink; the schema is built as far as the input allows.
 */
public final class Resolver {
    private final DiagnosticSink sink;
    private final ValueConverter values;
    private final QualifierDeclarations qualifierDeclarations;
    private final QualifierApplier qualifierApplier;
    private final ClassSearchPath searchPath;
    private final Redefinitions redefinitions;

    /** A class declaration with the namespace in force where it was written. */
    private record PendingClass(Production.ClassDeclaration declaration, String namespace, int position) {
    }

    public Resolver(DiagnosticSink sink) {
        this(sink, new ClassSearchPath(List.of()));
    }

    /** A resolver whose unknown-class and unknown-qualifier errors say where the search path was searched. */
    public Resolver(DiagnosticSink sink, ClassSearchPath searchPath) {
        this(sink, searchPath, RedefinitionPolicy.KEEP_FIRST, Set.of());
    }

    /**
     * A resolver applying the given policy to a class declared twice. Classes from
     * {@code foundOnSearchPath} (paths as diagnostics show them) always yield to a declaration of
     * the compiled files, whatever the policy: the search path only fills in what they lack.
     */
    public Resolver(DiagnosticSink sink, ClassSearchPath searchPath, RedefinitionPolicy policy,
                    Set<String> foundOnSearchPath) {
        this.sink = sink;
        this.redefinitions = new Redefinitions(sink, policy, foundOnSearchPath);
        this.searchPath = searchPath;
        this.values = new ValueConverter(sink);
        this.qualifierDeclarations = new QualifierDeclarations(sink, values);
        this.qualifierApplier = new QualifierApplier(sink, qualifierDeclarations, values, searchPath);
    }

    public CimSchema resolve(List<Production> productions) {
        Map<CimName, PendingClass> classDecls = new LinkedHashMap<>();
        List<InstanceResolver.Pending> instances = new ArrayList<>();
        Map<String, ClassAlias> classAliases = new LinkedHashMap<>();
        PragmaChecker pragmas = new PragmaChecker(sink);
        String namespace = null;
        // Pass 1: directives and qualifier declarations, collecting classes and instances.
        int position = 0;
        for (Production production : productions) {
            position++;
            if (production instanceof Production.Pragma pragma) {
                String set = pragmas.check(pragma);
                namespace = set != null ? set : namespace;
            } else if (production instanceof Production.QualifierDeclaration decl) {
                qualifierDeclarations.declare(decl, position);
            } else if (production instanceof Production.ClassDeclaration decl) {
                PendingClass pending = new PendingClass(decl, namespace, position);
                CimName name = CimName.of(decl.name());
                PendingClass previous = classDecls.get(name);
                if (previous == null || redefinitions.replaces(previous.declaration(), decl)) {
                    classDecls.put(name, pending);
                }
                if (decl.alias() != null) {
                    aliasClass(decl, classAliases);
                }
            } else if (production instanceof Production.InstanceDeclaration decl) {
                instances.add(new InstanceResolver.Pending(decl, namespace));
            }
        }
        // Pass 2: build classes superclass-first, so declaration order within a compilation does not matter.
        ClassBuilder builder = new ClassBuilder(sink, qualifierApplier, values, new ValueMapParser(sink),
                name -> classDecls.containsKey(CimName.of(name)), searchPath);
        Map<CimName, CimClass> built = new LinkedHashMap<>();
        for (PendingClass pending : classDecls.values()) {
            buildWithAncestors(pending, classDecls, built, builder);
        }
        // Keep declaration order in the schema, not build order.
        List<CimClass> ordered = new ArrayList<>(built.size());
        for (CimName name : classDecls.keySet()) {
            CimClass c = built.get(name);
            if (c != null) {
                ordered.add(c);
            }
        }
        checkReferenceNarrowing(ordered, built);
        // Pass 3: instances, after every class exists, with the qualifier declarations in force at the end.
        qualifierApplier.at(Integer.MAX_VALUE);
        var resolvedInstances = new InstanceResolver(sink, values, qualifierApplier, searchPath)
                .resolve(instances, built, classAliases);
        Map<String, CimClass> classesByAlias = new LinkedHashMap<>();
        classAliases.forEach((alias, target) -> {
            CimClass c = built.get(CimName.of(target.className()));
            if (c != null) {
                classesByAlias.put(alias, c);
            }
        });
        return new CimSchema(qualifierDeclarations.all(), ordered, resolvedInstances, classesByAlias);
    }

    /** A class declared with {@code as $alias}: the alias and where it was written. */
    record ClassAlias(String className, SourceLocation location) {
    }

    private void aliasClass(Production.ClassDeclaration decl, Map<String, ClassAlias> classAliases) {
        String key = decl.alias().toLowerCase(Locale.ROOT);
        ClassAlias first = classAliases.get(key);
        if (first != null && !CimName.of(first.className()).equals(CimName.of(decl.name()))) {
            sink.report(DiagnosticCode.DUPLICATE_ALIAS, decl.location(), "alias $" + decl.alias()
                    + " is already defined at " + first.location() + "; references use this later definition");
        }
        if (first == null || !CimName.of(first.className()).equals(CimName.of(decl.name()))) {
            classAliases.put(key, new ClassAlias(decl.name(), decl.location()));
        }
    }

    /**
     * Builds a class after the not yet built classes above it, walking the superclass chain with a loop
     * rather than recursion, so a chain or cycle thousands of classes long cannot overflow the stack.
     */
    private void buildWithAncestors(PendingClass start, Map<CimName, PendingClass> decls, Map<CimName, CimClass> built,
                                    ClassBuilder builder) {
        if (built.containsKey(CimName.of(start.declaration().name()))) {
            return;
        }
        Deque<PendingClass> chain = new ArrayDeque<>();
        Set<CimName> onChain = new HashSet<>();
        CimClass base = null;
        PendingClass current = start;
        while (true) {
            Production.ClassDeclaration decl = current.declaration();
            chain.push(current);
            onChain.add(CimName.of(decl.name()));
            if (decl.superClass() == null) {
                break;
            }
            CimName parentName = CimName.of(decl.superClass());
            PendingClass parent = decls.get(parentName);
            if (parent == null) {
                sink.report(DiagnosticCode.UNKNOWN_SUPERCLASS, decl.superClassLocation(), "superclass "
                        + decl.superClass() + " of " + decl.name() + " is not declared"
                        + searchPath.explainMissingClass(decl.superClass()));
                break;
            }
            CimClass parentBuilt = built.get(parentName);
            if (parentBuilt != null) {
                base = parentBuilt;
                break;
            }
            if (onChain.contains(parentName)) {
                sink.report(DiagnosticCode.INHERITANCE_CYCLE, decl.superClassLocation(),
                        "class " + decl.name() + " inherits from itself through " + decl.superClass());
                break;
            }
            current = parent;
        }
        // The chain's last entry is the topmost class not yet built: build downwards from there.
        CimClass superClass = base;
        while (!chain.isEmpty()) {
            PendingClass pending = chain.pop();
            qualifierApplier.at(pending.position());
            CimClass cimClass = builder.build(pending.declaration(), superClass, pending.namespace());
            built.put(CimName.of(pending.declaration().name()), cimClass);
            superClass = cimClass;
        }
    }

    /** An overriding reference may only narrow its target to a subclass of the inherited target. */
    private void checkReferenceNarrowing(List<CimClass> classes, Map<CimName, CimClass> built) {
        for (CimClass c : classes) {
            CimClass parent = c.superClass().orElse(null);
            if (parent == null) {
                continue;
            }
            for (CimProperty p : c.declaredProperties()) {
                if (!p.isReference() || p.classOrigin().equals(c.name())) {
                    continue;
                }
                CimProperty inherited = parent.property(p.classOrigin().equals(c.name()) ? p.name().spelling()
                        : overriddenName(p)).orElse(null);
                if (inherited == null || !inherited.isReference()) {
                    continue;
                }
                CimClass target = built.get(p.type().referenceClass());
                if (target != null && !target.isSubclassOf(inherited.type().referenceClass())) {
                    sink.report(DiagnosticCode.OVERRIDE_TYPE_MISMATCH, p.location(), "reference " + c.name() + "."
                            + p.name() + " targets " + target.name() + ", which is not a subclass of "
                            + inherited.type().referenceClass() + " as the overridden reference requires");
                }
            }
        }
    }

    private static String overriddenName(CimProperty p) {
        String override = p.qualifiers().string("Override");
        return override != null ? override : p.name().spelling();
    }
}
